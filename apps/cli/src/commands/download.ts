// `s3am download conn:bucket/key [dest]`: GETs the presigned URL into `dest.part`, continuing a
// partial file with a Range request (also after an interruption), then checks the size and
// renames. A URL that expired meanwhile is simply asked for again.
import { createWriteStream } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ReadableStream as WebReadableStream } from 'node:stream/web';
import { type Command } from 'commander';
import { action, examples } from '../command-kit.js';
import { CliError, usageError } from '../exit-codes.js';
import { resolveLocation } from '../locations.js';
import { formatBytes } from '../sizes.js';

const ATTEMPTS = 5;

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

async function destinationFor(dest: string | undefined, key: string): Promise<string> {
  const name = path.posix.basename(key);
  if (!dest) return path.resolve(name);
  const isDir =
    dest.endsWith('/') ||
    (await stat(dest).then(
      (s) => s.isDirectory(),
      () => false,
    ));
  return isDir ? path.resolve(dest, name) : path.resolve(dest);
}

export function registerDownload(program: Command): void {
  examples(
    program
      .command('download')
      .description('Download an object (resumable; the size is verified)')
      .argument('<location>', 'conn:bucket/key')
      .argument('[dest]', 'file or directory (default: the key’s name here)')
      .action(
        action(async (ctx, target: string, dest: string | undefined) => {
          const { client } = await ctx.session();
          const location = await resolveLocation(client, target);
          if (!location.path || location.path.endsWith('/'))
            throw usageError(`${target} names no object`);
          const ref = {
            connectionId: location.connectionId,
            bucket: location.bucket,
            key: location.path,
          };
          const details = await client.objectDetails({ query: ref });
          const file = await destinationFor(dest, location.path);
          const partial = `${file}.part`;
          let have = await sizeOf(partial);
          if (have > details.size) have = 0;
          const resumedFrom = have;
          for (
            let attempt = 1;
            have < details.size || (details.size === 0 && attempt === 1);
            attempt++
          ) {
            const { url } = await client.downloadUrl({ body: ref });
            const response = await fetch(url, {
              headers: have > 0 ? { range: `bytes=${have}-` } : {},
            });
            if (response.status === 416 && have === details.size) break;
            if (!response.ok || !response.body) {
              await response.body?.cancel();
              if (attempt >= ATTEMPTS)
                throw new CliError(`S3 answered ${response.status} for the download`);
              continue;
            }
            // A server that ignores Range sends the whole object: start the file over.
            const append = have > 0 && response.status === 206;
            try {
              await pipeline(
                Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
                createWriteStream(partial, { flags: append ? 'a' : 'w' }),
              );
            } catch (error) {
              if (attempt >= ATTEMPTS) throw error;
            }
            have = await sizeOf(partial);
            if (details.size === 0) break;
          }
          const size = await sizeOf(partial);
          if (size !== details.size)
            throw new CliError(
              `Downloaded ${size} bytes but the object has ${details.size}: run again to resume.`,
            );
          await rename(partial, file);
          ctx.out.result({ ...ref, file, size, resumedFrom, etag: details.etag });
          ctx.out.print(`downloaded ${location.path} → ${file} (${formatBytes(size)})`);
        }),
      ),
    [
      's3am download "Local storage:uploads/reports/q3.pdf"',
      's3am download "Local storage:uploads/big.iso" ~/Downloads/',
    ],
  );
}
