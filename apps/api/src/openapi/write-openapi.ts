// `pnpm openapi`: writes openapi.json at the repo root from the routes' zod contracts.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument, serializeOpenApi } from './openapi-document.js';

const target = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../openapi.json',
);
const text = serializeOpenApi(await buildOpenApiDocument());
await writeFile(target, text);
process.stdout.write(
  `Wrote ${path.relative(process.cwd(), target) || target} (${text.length} bytes)\n`,
);
