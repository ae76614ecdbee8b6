// `s3am url conn:bucket/key`: a presigned download link (its lifetime is the server's setting).
import { type Command } from 'commander';
import { action, examples } from '../command-kit.js';
import { usageError } from '../exit-codes.js';
import { resolveLocation } from '../locations.js';

export function registerUrl(program: Command): void {
  examples(
    program
      .command('url')
      .description('Print a presigned download URL for an object')
      .argument('<location>', 'conn:bucket/key')
      .action(
        action(async (ctx, target: string) => {
          const { client } = await ctx.session();
          const location = await resolveLocation(client, target);
          if (!location.path) throw usageError(`${target} names no object`);
          const link = await client.downloadUrl({
            body: {
              connectionId: location.connectionId,
              bucket: location.bucket,
              key: location.path,
            },
          });
          ctx.out.result(link);
          ctx.out.print(link.url);
          if (!ctx.out.json) ctx.out.note(`expires ${link.expiresAt}`);
        }),
      ),
    [
      's3am url "Local storage:uploads/reports/q3.pdf"',
      'curl -fLo q3.pdf "$(s3am url conn:bucket/q3.pdf)"',
    ],
  );
}
