// Searches typed by people are literal text. Prisma passes `contains`/`startsWith`/`endsWith`
// (and insensitive `equals`) to PostgreSQL as LIKE/ILIKE patterns without escaping, so `%`
// would match every row: escape `%`, `_` and the escape character `\` itself.
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
