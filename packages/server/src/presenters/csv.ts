/** A cell as an export gives it: text, a number, a date (written as ISO 8601) or nothing. */
export type CsvValue = string | number | Date | null | undefined;

// OWASP "CSV Injection": a spreadsheet runs a cell that starts with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell, safe to open in a spreadsheet: a value that would start a formula gets a leading `'` (OWASP
 * CSV injection), and every cell is quoted with its quotes doubled (RFC 4180 §2), so commas, quotes and
 * line breaks inside it stay in it.
 */
export function csvCell(value: CsvValue): string {
  const text =
    value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  const neutral = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${neutral.replaceAll('"', '""')}"`;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/**
 * The start of a CSV file: a UTF-8 byte order mark, without which spreadsheets read accented names as
 * mojibake, then the header row.
 */
export function csvHeader(names: readonly string[]): string {
  return `\uFEFF${csvRow(names)}`;
}
