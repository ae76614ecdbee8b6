// Preview of one object in the details panel, fetched by the browser from storage through a
// short-lived link: images, PDF (first page, drawn by pdf.js), text (first 256 KiB), audio, video.
import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import type { ObjectRef, PreviewLink } from '@s3am/contracts';
import { problemMessage } from '../../api/problem';
import { api } from '../../api/api-client';
import { renderPdfFirstPage } from './pdf-preview';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n';

const TEXT_BYTES = 256 * 1024;
/** Images and PDFs are fetched whole: above this, only a download makes sense. */
const MAX_FETCHED_BYTES = 50 * 1024 * 1024;

type Loaded =
  | { kind: 'image'; url: string }
  | { kind: 'pdf'; bytes: ArrayBuffer }
  | { kind: 'text'; text: string; truncated: boolean }
  | { kind: 'audio' | 'video'; url: string }
  | { kind: 'none'; reason: string };

async function load(link: PreviewLink, signal: AbortSignal): Promise<Loaded> {
  if (link.kind === 'none') return { kind: 'none', reason: i18n.t('files.preview.noPreview') };
  if (link.kind === 'audio' || link.kind === 'video') return { kind: link.kind, url: link.url };
  if (link.kind === 'text') {
    const response = await fetch(link.url, {
      signal,
      headers: { Range: `bytes=0-${TEXT_BYTES - 1}` },
    });
    const bytes = await response.arrayBuffer();
    return {
      kind: 'text',
      text: new TextDecoder().decode(bytes.slice(0, TEXT_BYTES)),
      truncated: link.size > TEXT_BYTES,
    };
  }
  if (link.size > MAX_FETCHED_BYTES)
    return { kind: 'none', reason: i18n.t('files.preview.tooLarge') };
  const response = await fetch(link.url, { signal });
  if (!response.ok)
    throw new Error(i18n.t('files.preview.storageAnswered', { status: response.status }));
  if (link.kind === 'pdf') return { kind: 'pdf', bytes: await response.arrayBuffer() };
  return { kind: 'image', url: URL.createObjectURL(await response.blob()) };
}

function PdfCanvas({ bytes, name }: { bytes: ArrayBuffer; name: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation();
  useEffect(() => {
    if (!canvas.current) return;
    const task = renderPdfFirstPage(bytes, canvas.current, 360);
    task.done.catch((caught: unknown) => setError(String(caught)));
    return task.cancel;
  }, [bytes]);
  if (error) return <Alert severity="warning">{t('files.preview.pdfFailed', { error })}</Alert>;
  return (
    <canvas
      ref={canvas}
      role="img"
      aria-label={t('files.preview.firstPage', { name })}
      style={{ maxWidth: '100%' }}
    />
  );
}

export function ObjectPreview({ target }: { target: ObjectRef }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const name = target.key.slice(target.key.lastIndexOf('/') + 1);
  useEffect(() => {
    const abort = new AbortController();
    let objectUrl: string | undefined;
    setLoaded(null);
    setError(null);
    api
      .previewUrl({ body: target })
      .then((link) => load(link, abort.signal))
      .then((result) => {
        if (result.kind === 'image') objectUrl = result.url;
        if (!abort.signal.aborted) setLoaded(result);
      })
      .catch((caught: unknown) => {
        if (!abort.signal.aborted) setError(problemMessage(caught));
      });
    return () => {
      abort.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [target]);

  return (
    <Box component="section" aria-label={t('files.preview.label')} sx={{ mb: 2 }}>
      {error && <Alert severity="warning">{t('files.preview.unavailable', { error })}</Alert>}
      {!loaded && !error && <CircularProgress size={24} aria-label={t('files.preview.loading')} />}
      {loaded?.kind === 'image' && (
        <Box
          component="img"
          src={loaded.url}
          alt={name}
          sx={{ maxWidth: '100%', maxHeight: 320 }}
        />
      )}
      {loaded?.kind === 'pdf' && <PdfCanvas bytes={loaded.bytes} name={name} />}
      {loaded?.kind === 'text' && (
        <Box
          component="pre"
          tabIndex={0}
          aria-label={t('files.preview.textOf', { name })}
          sx={{
            maxHeight: 320,
            overflow: 'auto',
            fontSize: 12,
            p: 1,
            bgcolor: 'action.hover',
            m: 0,
          }}
        >
          {loaded.text}
          {loaded.truncated ? '\n…' : ''}
        </Box>
      )}
      {loaded?.kind === 'audio' && (
        <audio controls src={loaded.url} aria-label={name} style={{ width: '100%' }} />
      )}
      {loaded?.kind === 'video' && (
        <video controls src={loaded.url} aria-label={name} style={{ maxWidth: '100%' }} />
      )}
      {loaded?.kind === 'none' && (
        <Typography variant="body2" color="text.secondary">
          {loaded.reason}
        </Typography>
      )}
    </Box>
  );
}
