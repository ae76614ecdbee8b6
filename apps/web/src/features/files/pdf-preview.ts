// Draws a PDF's first page on a canvas with pdf.js, loaded only when a PDF is previewed. The
// CSP admits no WebAssembly, so its JS decoders are used; the worker is a same-origin build file.
export function renderPdfFirstPage(
  bytes: ArrayBuffer,
  canvas: HTMLCanvasElement,
  width: number,
): { done: Promise<void>; cancel: () => void } {
  let cancelled = false;
  let cleanup: (() => void) | undefined;
  const done = (async () => {
    const pdfjs = await import('pdfjs-dist');
    pdfjs.GlobalWorkerOptions.workerSrc = new URL(
      'pdfjs-dist/build/pdf.worker.min.mjs',
      import.meta.url,
    ).toString();
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    const task = pdfjs.getDocument({ data: new Uint8Array(bytes.slice(0)), useWasm: false });
    cleanup = () => void task.destroy();
    const document = await task.promise;
    if (cancelled) return;
    const page = await document.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: width / base.width });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    await page.render({ canvas, viewport }).promise;
    canvas.dataset.rendered = 'true';
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
      cleanup?.();
    },
  };
}
