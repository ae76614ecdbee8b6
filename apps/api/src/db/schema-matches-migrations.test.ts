// Proves the database our SQL migrations build equals prisma/schema.prisma (Prisma's own DMMF):
// tables, columns, types, nullability, defaults present, primary/unique keys and foreign keys.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { REPO_ROOT, databaseUrl } from '../../test/test-app.js';

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  hasDefaultValue: boolean;
  isUpdatedAt: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  uniqueFields: string[][];
  primaryKey: { fields: string[] } | null;
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: { name: string; values: { name: string }[] }[] };
}

const schema = readFileSync(path.join(REPO_ROOT, 'prisma/schema.prisma'), 'utf8');
const dmmf = JSON.parse(
  get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] })),
) as Dmmf;
const models = dmmf.datamodel.models;

/** Postgres type (information_schema udt_name) that Prisma maps each scalar to. */
function expectedUdt(field: DmmfField): string {
  if (field.kind === 'enum') return field.type;
  const native = field.nativeType?.[0];
  const base: Record<string, string> = {
    String: native === 'Uuid' ? 'uuid' : 'text',
    Boolean: 'bool',
    Int: 'int4',
    BigInt: 'int8',
    DateTime: native === 'Timestamptz' ? 'timestamptz' : 'timestamp',
    Json: 'jsonb',
    Float: 'float8',
    Bytes: 'bytea',
  };
  const udt = base[field.type];
  if (!udt) throw new Error(`no mapping for ${field.type}`);
  return field.isList ? `_${udt}` : udt;
}

const columnName = (field: DmmfField) => field.dbName ?? field.name;
const tableName = (model: DmmfModel) => model.dbName ?? model.name;

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
});
afterAll(() => client.end());

async function columnsOf(table: string) {
  const { rows } = await client.query<{
    column_name: string;
    udt_name: string;
    is_nullable: 'YES' | 'NO';
    column_default: string | null;
  }>(
    `SELECT column_name, udt_name, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
    [table],
  );
  return new Map(rows.map((row) => [row.column_name, row]));
}

/** Column sets of every unique index (primary keys included) on a table. */
async function uniqueColumnSets(table: string): Promise<string[]> {
  const { rows } = await client.query<{ columns: string }>(
    `SELECT string_agg(a.attname, ',' ORDER BY k.ord) AS columns
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relname = $1 AND i.indisunique
      GROUP BY i.indexrelid`,
    [table],
  );
  return rows.map((row) => row.columns).sort();
}

describe('the migrated database matches prisma/schema.prisma', () => {
  it('has exactly the tables of the schema (plus Prisma migration bookkeeping)', async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(rows.map((row) => row.table_name).sort()).toEqual(
      [...models.map(tableName), '_prisma_migrations'].sort(),
    );
  });

  it('has the enums of the schema with the same values', async () => {
    const { rows } = await client.query<{ typname: string; labels: string[] }>(
      // Only our schema: pg-boss keeps its own types in the `pgboss` schema of the same database.
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((row) => [row.typname, row.labels]));
    const expected = Object.fromEntries(
      dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]),
    );
    expect(actual).toEqual(expected);
  });

  describe.each(models.map((model) => [model.name, model] as const))('%s', (_name, model) => {
    const scalars = model.fields.filter(
      (field) => field.kind === 'scalar' || field.kind === 'enum',
    );

    it('has the same columns, types, nullability and defaults', async () => {
      const columns = await columnsOf(tableName(model));
      expect([...columns.keys()].sort()).toEqual(scalars.map(columnName).sort());
      for (const field of scalars) {
        const column = columns.get(columnName(field));
        // Prisma fills @default(uuid()) and @updatedAt in the client, so the column has no default.
        const dbDefault =
          field.hasDefaultValue && !(field.nativeType?.[0] === 'Uuid' && field.isId);
        expect({
          field: field.name,
          udt: column?.udt_name,
          nullable: column?.is_nullable === 'YES',
          hasDefault: column?.column_default != null,
        }).toEqual({
          field: field.name,
          udt: expectedUdt(field),
          nullable: !field.isRequired || field.isList,
          hasDefault: dbDefault,
        });
      }
    });

    it('has the same primary key and unique constraints', async () => {
      const expected = [
        ...scalars.filter((f) => f.isId || f.isUnique).map((f) => columnName(f)),
        ...model.uniqueFields.map((set) =>
          set.map((name) => columnName(scalars.find((f) => f.name === name)!)).join(','),
        ),
        ...(model.primaryKey
          ? [
              model.primaryKey.fields
                .map((name) => columnName(scalars.find((f) => f.name === name)!))
                .join(','),
            ]
          : []),
      ];
      expect(await uniqueColumnSets(tableName(model))).toEqual(expected.sort());
    });

    it('has the same foreign keys and delete rules', async () => {
      const relations = model.fields.filter(
        (f) => f.kind === 'object' && (f.relationFromFields?.length ?? 0) > 0,
      );
      const { rows } = await client.query<{
        column_name: string;
        foreign_table: string;
        foreign_column: string;
        delete_rule: string;
      }>(
        `SELECT kcu.column_name, ccu.table_name AS foreign_table, ccu.column_name AS foreign_column, rc.delete_rule
           FROM information_schema.referential_constraints rc
           JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name
           JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.unique_constraint_name
          WHERE kcu.table_name = $1`,
        [tableName(model)],
      );
      const expected = relations.map((relation) => {
        const target = models.find((m) => m.name === relation.type)!;
        const from = scalars.find((f) => f.name === relation.relationFromFields![0])!;
        const to = target.fields.find((f) => f.name === relation.relationToFields![0])!;
        return {
          column_name: columnName(from),
          foreign_table: tableName(target),
          foreign_column: columnName(to),
          delete_rule: (relation.relationOnDelete ?? 'NoAction')
            .replace(/([a-z])([A-Z])/g, '$1 $2')
            .toUpperCase(),
        };
      });
      expect(rows.sort((a, b) => a.column_name.localeCompare(b.column_name))).toEqual(
        expected.sort((a, b) => a.column_name.localeCompare(b.column_name)),
      );
    });
  });
});
