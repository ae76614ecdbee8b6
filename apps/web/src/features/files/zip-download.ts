// Several files or a whole folder as one ZIP, assembled in the browser (client-zip, streaming,
// ZIP64 above 4 GiB) from presigned GETs signed just before each file is fetched: the bytes go
// from storage to the user's disk and never through our API. The zip is written with the File
// System Access API where there is one, else handed to a service worker that answers a download
// with it; only without either is it collected in memory first.
import { downloadZip } from 'client-zip';
import { i18n } from '../i18n/i18n';
import type { BucketRef } from './files-api';
import { fetchDownloadUrl, fetchListing } from './files-api';

export interface ZipEntry {
  key: string;
  /** Path inside the zip. */
  name: string;
  size: number;
  lastModified: string | null;
}

/** Refuse to zip more than this many files in one go (the listing walk alone would take long). */
export const MAX_ZIP_FILES = 10_000;

/** Every object under `prefix` (recursively), named relative to it. */
export async function collectFolder(where: BucketRef, prefix: string): Promise<ZipEntry[]> {
  const entries: ZipEntry[] = [];
  const folders = [prefix];
  while (folders.length > 0) {
    const folder = folders.shift()!;
    let token: string | undefined;
    do {
      const page = await fetchListing(where, folder, token);
      folders.push(...page.folders.map((f) => f.prefix));
      for (const object of page.objects)
        entries.push({
          key: object.key,
          name: object.key.slice(prefix.length),
          size: object.size,
          lastModified: object.lastModified,
        });
      if (entries.length > MAX_ZIP_FILES)
        throw new Error(i18n.t('files.messages.zipTooMany', { max: MAX_ZIP_FILES }));
      token = page.nextContinuationToken ?? undefined;
    } while (token);
  }
  return entries;
}

type SaveFilePicker = (options: { suggestedName: string }) => Promise<{
  createWritable(): Promise<WritableStream<Uint8Array>>;
}>;

async function* files(where: BucketRef, entries: ZipEntry[], onFile: (done: number) => void) {
  let done = 0;
  for (const entry of entries) {
    const url = await fetchDownloadUrl({ ...where, key: entry.key });
    const response = await fetch(url);
    if (!response.ok)
      throw new Error(
        i18n.t('files.messages.storageRefused', { key: entry.key, status: response.status }),
      );
    yield {
      name: entry.name,
      input: response,
      size: entry.size,
      ...(entry.lastModified ? { lastModified: new Date(entry.lastModified) } : {}),
    };
    onFile(++done);
  }
}

async function viaServiceWorker(stream: ReadableStream<Uint8Array>, name: string): Promise<void> {
  const registration = await navigator.serviceWorker.register('/zip-download-sw.js', {
    scope: '/zip-download/',
  });
  const worker =
    registration.active ??
    (await new Promise<ServiceWorker>((resolve) => {
      const installing = registration.installing ?? registration.waiting;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'activated') resolve(installing);
      });
    }));
  const id = crypto.randomUUID();
  const channel = new MessageChannel();
  const ready = new Promise((resolve) => (channel.port1.onmessage = resolve));
  worker.postMessage({ id, name, stream }, [channel.port2, stream]);
  await ready;
  // A navigation (not an <a download>, which Chromium fetches past the worker): the worker answers
  // it with an attachment, so the browser saves it and the page stays where it is.
  window.location.assign(`/zip-download/${id}`);
}

async function viaMemory(response: Response, name: string): Promise<void> {
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function downloadAsZip(
  where: BucketRef,
  entries: ZipEntry[],
  zipName: string,
  onFile: (done: number) => void,
): Promise<void> {
  const picker = (window as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  // Ask where to save before fetching anything (the picker needs the click's user activation).
  const handle = picker ? await picker({ suggestedName: zipName }) : undefined;
  const zip = downloadZip(files(where, entries, onFile));
  if (handle) {
    await zip.body!.pipeTo(await handle.createWritable());
    return;
  }
  if ('serviceWorker' in navigator && window.isSecureContext) {
    await viaServiceWorker(zip.body!, zipName);
    return;
  }
  await viaMemory(zip, zipName);
}
