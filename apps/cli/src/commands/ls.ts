// `s3am ls [conn:bucket/prefix] [-l] [--recursive]`: my granted locations, or a folder's contents.
import { type Command } from 'commander';
import { action, examples } from '../command-kit.js';
import { folderPrefix, walk, type ListedObject } from '../listing.js';
import { formatLocation, resolveLocation } from '../locations.js';
import { formatBytes } from '../sizes.js';

export function registerLs(program: Command): void {
  examples(
    program
      .command('ls')
      .description('List granted locations, or the folders and files under a prefix')
      .argument('[location]', 'conn:bucket/prefix (conn = connection id or name)')
      .option('-l, --long', 'sizes, dates and ETags')
      .option('-r, --recursive', 'every file below the prefix, with full keys')
      .action(
        action(
          async (
            ctx,
            target: string | undefined,
            opts: { long?: boolean; recursive?: boolean },
          ) => {
            const { client } = await ctx.session();
            const { out } = ctx;
            if (!target) {
              const { items } = await client.fileLocations({ query: { action: 'list' } });
              out.result({ locations: items });
              out.table(
                items.map((item) => ({ ...item, location: formatLocation(item, item.prefix) })),
                ['location', 'connectionId'],
              );
              return;
            }
            const location = await resolveLocation(client, target);
            const prefix = folderPrefix(location.path);
            const folders: string[] = [];
            const objects: ListedObject[] = [];
            for await (const entry of walk(client, location, prefix, Boolean(opts.recursive))) {
              if (entry.kind === 'folder') folders.push(entry.prefix);
              else objects.push(entry.object);
            }
            out.result({
              connectionId: location.connectionId,
              bucket: location.bucket,
              prefix,
              folders,
              objects,
            });
            if (out.json) return;
            const name = (key: string) => (opts.recursive ? key : key.slice(prefix.length));
            for (const folder of folders) out.print(out.paint.bold(name(folder)));
            if (opts.long) {
              out.table(
                objects.map((object) => ({
                  size: formatBytes(object.size),
                  modified: object.lastModified ?? '',
                  etag: object.etag ?? '',
                  key: name(object.key),
                })),
                ['size', 'modified', 'etag', 'key'],
              );
            } else for (const object of objects) out.print(name(object.key));
          },
        ),
      ),
    [
      's3am ls',
      's3am ls "Local storage:uploads/reports/" -l',
      's3am ls 3f1c…:uploads/reports --recursive --json',
    ],
  );
}
