// Every CSV the product writes goes through here, so a cell someone else controls (a user agent,
// an email, an object key) is never run as a formula when the file is opened in a spreadsheet.
import { stringify, type Stringifier } from 'csv-stringify';

/**
 * A CSV stream with a header row. Cells starting with `=`, `+`, `-`, `@`, tab or CR (and their
 * full-width forms) get a leading `'` (csv-stringify's `escape_formulas`, OWASP's advice).
 */
export function csvWriter<Column extends string>(columns: readonly Column[]): Stringifier {
  return stringify({ header: true, columns: [...columns], escape_formulas: true });
}
