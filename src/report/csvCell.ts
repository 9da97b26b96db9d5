/**
 * One CSV cell for files people open in spreadsheets. RFC 4180 quoting (a cell holding a comma,
 * quote or line break is quoted, quotes doubled), and CSV-injection neutralisation as the OWASP
 * "CSV Injection" page recommends: a text cell beginning with `=`, `+`, `-`, `@`, a tab or a
 * carriage return — which Excel, LibreOffice and Google Sheets would evaluate as a formula
 * (=HYPERLINK(...), @SUM(...)) — gets a leading single quote and is quoted. A number
 * (-0.05, +1e-3) is left as it is: it is data, not a formula.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function csvCell(text: string): string {
  if (FORMULA_START.test(text) && !NUMBER.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
