// `s3am url conn:bucket/key [--expires 1h]`: a presigned download link; its lifetime is capped by
// the administrator's maximum (the server's answer says when it really expires).
import { type Command } from 'commander';
import { action, examples } from '../command-kit.js';
import { usageError } from '../exit-codes.js';
import { resolveLocation } from '../locations.js';
import { parseDuration } from '../sizes.js';

export function registerUrl(program: Command): void {
  examples(
    program
      .command('url')
      .description('Print a presigned download URL for an object')
      .argument('<location>', 'conn:bucket/key')
      .option(
        '--expires <duration>',
        'lifetime: 90s, 15m, 12h, 7d (default and maximum: the admin’s)',
      )
      .action(
        action(async (ctx, target: string, opts: { expires?: string }) => {
          const expiresInSeconds =
            opts.expires === undefined ? undefined : parseDuration(opts.expires);
          if (
            expiresInSeconds !== undefined &&
            (expiresInSeconds < 60 || expiresInSeconds > 604_800)
          )
            throw usageError(
              '--expires must be between 1m and 7d (S3 signs links for at most 7 days)',
            );
          const { client } = await ctx.session();
          const location = await resolveLocation(client, target);
          if (!location.path) throw usageError(`${target} names no object`);
          const link = await client.downloadUrl({
            body: {
              connectionId: location.connectionId,
              bucket: location.bucket,
              key: location.path,
              ...(expiresInSeconds === undefined ? {} : { expiresInSeconds }),
            },
          });
          ctx.out.result(link);
          ctx.out.print(link.url);
          const lifetime = Number(new URL(link.url).searchParams.get('X-Amz-Expires'));
          if (expiresInSeconds !== undefined && lifetime > 0 && lifetime < expiresInSeconds)
            ctx.out.note(`capped at ${lifetime} s, the administrator's maximum`);
          if (!ctx.out.json) ctx.out.note(`expires ${link.expiresAt}`);
        }),
      ),
    [
      's3am url "Local storage:uploads/reports/q3.pdf"',
      's3am url prod:media/video.mp4 --expires 2h',
      'curl -fLo q3.pdf "$(s3am url conn:bucket/q3.pdf)"',
    ],
  );
}
