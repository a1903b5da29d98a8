/**
 * Formula injection: spreadsheet programs run a cell text that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return as a formula (e.g. a unit named `=HYPERLINK(…)`). Such a text gets a leading apostrophe
 * (OWASP's advice), in CSV and XLSX alike. Numbers are written as numbers and are not touched.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
