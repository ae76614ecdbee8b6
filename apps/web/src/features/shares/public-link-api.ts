// Calls of the public link pages (/s/:token, /u/:token): plain same-origin fetch without the
// session's token or refresh logic (guests have no account), answers parsed by the contracts,
// problems surfaced with their code so the page can ask for a password or say the link is gone.
import { ProblemSchema, type ErrorCode } from '@s3am/contracts';
import type { z } from 'zod';

export class LinkProblem extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function linkCall<S extends z.ZodType>(
  url: string,
  schema: S,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'omit',
    });
  } catch {
    throw new LinkProblem('NETWORK', 0, 'The server cannot be reached. Check the connection.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = ProblemSchema.safeParse(body);
    if (problem.success)
      throw new LinkProblem(
        problem.data.code,
        response.status,
        problem.data.detail ?? problem.data.title,
      );
    throw new LinkProblem('INTERNAL', response.status, `The server answered ${response.status}.`);
  }
  return schema.parse(body);
}

/** Saves a URL (a presigned GET with Content-Disposition: attachment) or a blob as a download. */
export function saveAs(href: string, name?: string): void {
  const anchor = document.createElement('a');
  anchor.href = href;
  if (name) anchor.download = name;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
