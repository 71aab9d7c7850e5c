import { isRecord } from '@microcred/vc';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import type { z } from 'zod';
import { type RecipientFields, RecipientFieldsSchema } from './recipient-fields-schema.js';

/**
 * One valid recipient of a bulk upload. `row` numbers data rows from 1 as a spreadsheet user counts
 * them, without the header: the first row under the header is row 1 (spreadsheet row 2). Blank rows
 * are skipped but still counted, and a quoted value spanning several lines is one row, so `row` is
 * always the spreadsheet's row number minus one. In JSON lines, `row` is the line number.
 */
export type RecipientRow = { readonly row: number } & RecipientFields;

/** Why a row, or with `row` 0 ({@link FILE_ERROR_ROW}) the whole file, was not accepted. */
export interface RecipientRowError {
  readonly row: number;
  readonly message: string;
}

/**
 * The `row` of an error about the whole file (no header, unknown columns, a broken quote, too many
 * rows). A file with such an error yields no rows at all: nothing in it can be trusted to be what the
 * uploader meant, so the upload should be refused rather than issued in part.
 */
export const FILE_ERROR_ROW = 0;

export const DEFAULT_MAX_RECIPIENT_ROWS = 100_000;

export interface ParseRecipientRowsOptions {
  readonly text: string;
  readonly format: 'csv' | 'jsonl';
  /** Data rows allowed (blank rows are not counted); one more rejects the file. */
  readonly maxRows?: number;
  /**
   * CSV only: the column name (one of {@link RECIPIENT_CSV_COLUMNS}) each column of the file stands for,
   * in the file's order, instead of the names its header row gives (the row is still skipped, and its
   * names still label row errors). `null` leaves a column out. How a person maps a spreadsheet's own
   * headings onto the recipient fields.
   */
  readonly columns?: readonly (string | null)[];
}

/** A valid row naming the same recipient as the earlier valid row `of`. */
export interface RecipientRowDuplicate {
  readonly row: number;
  readonly of: number;
}

export interface ParsedRecipientRows {
  /** Every valid row, duplicates included (whether to issue those is the caller's choice). */
  readonly rows: RecipientRow[];
  /** Row errors in file order; a bad row never stops the good ones. */
  readonly errors: RecipientRowError[];
  /** Valid rows whose recipient an earlier valid row already names, in file order. */
  readonly duplicates: RecipientRowDuplicate[];
}

/**
 * Reads a bulk upload (CSV with a header row, or JSON lines) into validated recipient rows and
 * per-row errors. Pure: no I/O, no clock.
 *
 * CSV column names are matched ignoring case, spaces, `-` and `_` (`Recipient Email` = `recipient_email`
 * = `recipientEmail`); see {@link RECIPIENT_CSV_COLUMNS}. JSON lines use the camelCase field names of
 * {@link RecipientFields}; `null` and empty strings count as absent in both formats.
 *
 * A recipient (email, compared lower-cased, or DID, compared exactly) that a valid earlier row already
 * names makes the later row a duplicate of it (`duplicates`). Rows that fail validation do not claim
 * their recipient, so a corrected duplicate further down is not one. An `idempotencyKey` an earlier valid
 * row gives for another recipient is an error: a key names one credential.
 */
export function parseRecipientRows(options: ParseRecipientRowsOptions): ParsedRecipientRows {
  const maxRows = options.maxRows ?? DEFAULT_MAX_RECIPIENT_ROWS;
  // A BOM is how Excel marks UTF-8; it would otherwise stick to the first column name or JSON line.
  const text = options.text.startsWith('\uFEFF') ? options.text.slice(1) : options.text;
  const read =
    options.format === 'csv' ? readCsv(text, maxRows, options.columns) : readJsonLines(text, maxRows);
  if ('fileErrors' in read) {
    return {
      rows: [],
      errors: read.fileErrors.map((message) => ({ row: FILE_ERROR_ROW, message })),
      duplicates: [],
    };
  }

  const rows: RecipientRow[] = [];
  const errors: RecipientRowError[] = [];
  const duplicates: RecipientRowDuplicate[] = [];
  const firstRowOf = new Map<string, number>();
  const keyOwner = new Map<string, { row: number; recipient: string }>();
  for (const candidate of read.candidates) {
    if ('error' in candidate) {
      errors.push({ row: candidate.row, message: candidate.error });
      continue;
    }
    const parsed = RecipientFieldsSchema.safeParse(candidate.fields);
    if (!parsed.success) {
      errors.push({ row: candidate.row, message: describeIssues(parsed.error.issues, read.label) });
      continue;
    }
    const recipient =
      parsed.data.email === undefined ? `did ${parsed.data.did}` : `email ${parsed.data.email}`;
    const key = parsed.data.idempotencyKey;
    const owner = key === undefined ? undefined : keyOwner.get(key);
    if (owner !== undefined && owner.recipient !== recipient) {
      errors.push({
        row: candidate.row,
        message: `${read.label(['idempotencyKey'])} is the one row ${owner.row} gives for another recipient`,
      });
      continue;
    }
    if (key !== undefined && owner === undefined) keyOwner.set(key, { row: candidate.row, recipient });
    const first = firstRowOf.get(recipient);
    if (first === undefined) firstRowOf.set(recipient, candidate.row);
    else duplicates.push({ row: candidate.row, of: first });
    rows.push({ row: candidate.row, ...parsed.data });
  }
  return { rows, errors, duplicates };
}

type Candidate =
  | { readonly row: number; readonly fields: Record<string, unknown> }
  | { readonly row: number; readonly error: string };

/** How an issue's path is named to the uploader: the CSV column as they wrote it, or the JSON path. */
type Label = (path: readonly PropertyKey[]) => string;

type ReadResult =
  | { readonly candidates: Candidate[]; readonly label: Label }
  | { readonly fileErrors: string[] };

type CsvTarget =
  | keyof Omit<RecipientFields, 'results'>
  | 'recipient'
  | 'resultValue'
  | 'resultDescription'
  | 'resultStatus';

/**
 * CSV column names (compared without case, spaces, `-` and `_`) and the field each fills. `recipient`
 * holds an email address or a DID, whichever the value is; `result`/`score`, `result_description` and
 * `result_status` make up one result.
 */
export const RECIPIENT_CSV_COLUMNS: Readonly<Record<string, CsvTarget>> = {
  email: 'email',
  recipient_email: 'email',
  recipient: 'recipient',
  did: 'did',
  recipient_did: 'did',
  name: 'name',
  recipient_name: 'name',
  evidence_url: 'evidenceUrl',
  evidence: 'evidenceUrl',
  evidence_narrative: 'evidenceNarrative',
  narrative: 'narrative',
  result: 'resultValue',
  score: 'resultValue',
  result_description: 'resultDescription',
  result_status: 'resultStatus',
  activity_start_date: 'activityStartDate',
  activity_end_date: 'activityEndDate',
  idempotency_key: 'idempotencyKey',
};

/** What a CSV column fills: a field; `ignored` when a mapping leaves it out; `null` when it has no known name. */
type ColumnTarget = CsvTarget | 'ignored' | null;

const compact = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');
const TARGET_BY_COMPACT_NAME = new Map(
  Object.entries(RECIPIENT_CSV_COLUMNS).map(([name, target]) => [compact(name), target]),
);
const RESULT_PARTS: Partial<Record<CsvTarget, string>> = {
  resultValue: 'value',
  resultDescription: 'resultDescription',
  resultStatus: 'status',
};

const SLOT_NAMES: Partial<Record<string, string>> = {
  email: "recipient's email address",
  did: "recipient's DID",
};

const EMPTY_FILE = 'the file is empty: the first line must name the columns, e.g. email,name';

const FIRST_NAME_OF_TARGET = new Map<CsvTarget, string>();
for (const [name, target] of Object.entries(RECIPIENT_CSV_COLUMNS)) {
  if (!FIRST_NAME_OF_TARGET.has(target)) FIRST_NAME_OF_TARGET.set(target, name);
}

/** One column name per field a CSV column can fill: the choices of a column mapping. */
export const RECIPIENT_CSV_FIELDS: readonly string[] = [...FIRST_NAME_OF_TARGET.values()];

/** The field of {@link RECIPIENT_CSV_FIELDS} a heading names as the parser reads it, or null. */
export function recipientCsvField(heading: string): string | null {
  const target = TARGET_BY_COMPACT_NAME.get(compact(heading));
  return target === undefined ? null : (FIRST_NAME_OF_TARGET.get(target) ?? null);
}

/**
 * The headings of a CSV upload (its first non-blank line), for a person to map onto the recipient
 * fields before the rows are read; or why the file cannot be read at all.
 */
export function readRecipientCsvHeadings(
  text: string,
): { readonly headings: string[] } | { readonly error: string } {
  const unmarked = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let lastRecordLine = 0;
  let records: string[][];
  try {
    records = parseCsv(unmarked, {
      trim: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[], context) => {
        lastRecordLine = context.lines;
        return record;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) return { error: describeCsvError(error, lastRecordLine + 1) };
    throw error;
  }
  const header = records.find((record) => !isBlank(record));
  return header === undefined ? { error: EMPTY_FILE } : { headings: header };
}

class TooManyRows extends Error {}

function tooManyRowsMessage(maxRows: number): string {
  return `the file has more than ${maxRows.toLocaleString('en')} rows; split it into several uploads`;
}

function readCsv(text: string, maxRows: number, columns?: readonly (string | null)[]): ReadResult {
  let records: string[][];
  let lastRecordLine = 0;
  let nonBlank = 0;
  try {
    records = parseCsv(text, {
      // Whitespace around values (also around quoted ones) is never meaningful in a recipient list.
      trim: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[], context) => {
        lastRecordLine = context.lines;
        // Abort early on a huge file; +1 for the header.
        if (!isBlank(record) && ++nonBlank > maxRows + 1) throw new TooManyRows();
        return record;
      },
    });
  } catch (error) {
    if (error instanceof TooManyRows) return { fileErrors: [tooManyRowsMessage(maxRows)] };
    if (error instanceof CsvError) return { fileErrors: [describeCsvError(error, lastRecordLine + 1)] };
    throw error;
  }

  const headerIndex = records.findIndex((record) => !isBlank(record));
  const header = records[headerIndex];
  if (header === undefined) {
    return { fileErrors: [EMPTY_FILE] };
  }
  const mapped = mapHeader(header, columns);
  if ('fileErrors' in mapped) return mapped;
  const { targets } = mapped;

  const candidates: Candidate[] = [];
  for (let index = headerIndex + 1; index < records.length; index++) {
    const record = records[index] ?? [];
    if (isBlank(record)) continue;
    candidates.push(csvCandidate(record, targets, index - headerIndex));
  }
  return { candidates, label: csvLabel(header, targets) };
}

function isBlank(record: readonly string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}

function describeCsvError(error: CsvError, openingLine: number): string {
  const line = typeof error.lines === 'number' ? error.lines : openingLine;
  const rejected = 'the whole file is refused';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      // csv-parse reports the last line of the file; the unclosed quote opened in the record after
      // the last complete one, which is where the uploader has to look.
      return `line ${openingLine}: a quoted value is never closed (a " is missing), so the rows after it cannot be told apart; ${rejected}`;
    case 'INVALID_OPENING_QUOTE':
      return `line ${line}: a " inside a value that does not start with one; put the whole value in quotes and double the inner quote (""); ${rejected}`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `line ${line}: text follows a closing quote; a quoted value must end at a comma or the end of the line (write a literal quote as ""); ${rejected}`;
    default:
      return `line ${line}: the CSV cannot be read (${error.message}); ${rejected}`;
  }
}

function mapHeader(
  header: readonly string[],
  columns?: readonly (string | null)[],
): { targets: ColumnTarget[] } | { fileErrors: string[] } {
  const unknown: string[] = [];
  const targets = header.map((name, index): ColumnTarget => {
    if (columns !== undefined) {
      const chosen = columns[index] ?? null;
      if (chosen === null) return 'ignored';
      const target = TARGET_BY_COMPACT_NAME.get(compact(chosen));
      if (target === undefined) unknown.push(chosen);
      return target ?? null;
    }
    if (name.trim() === '') return null; // A spreadsheet's trailing empty columns; values under them are row errors.
    const target = TARGET_BY_COMPACT_NAME.get(compact(name));
    if (target === undefined) unknown.push(name.trim());
    return target ?? null;
  });
  const fileErrors: string[] = [];
  if (unknown.length > 0) {
    const separator = unknown.some((name) => /[;\t]/.test(name))
      ? ' (the file seems to use ";" or tabs between values: save it as comma-separated CSV)'
      : '';
    fileErrors.push(
      `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')}${separator}; ` +
        `the first line must name the columns, among: ${Object.keys(RECIPIENT_CSV_COLUMNS).join(', ')}`,
    );
  }
  const seen = new Map<string, string>();
  header.forEach((name, index) => {
    const target = targets[index];
    if (target === null || target === undefined || target === 'ignored') return;
    // `recipient` may be either an email or a DID, so it cannot sit beside an email or DID column.
    const slots = target === 'recipient' ? ['email', 'did'] : [target];
    for (const slot of slots) {
      const previous = seen.get(slot);
      if (previous !== undefined) {
        fileErrors.push(
          `columns "${previous}" and "${name.trim()}" both give the ${SLOT_NAMES[slot] ?? slot}; keep one`,
        );
        return;
      }
    }
    for (const slot of slots) seen.set(slot, name.trim());
  });
  if (unknown.length === 0 && !seen.has('email') && !seen.has('did')) {
    fileErrors.push('no recipient column: the header needs an email column or a did column');
  }
  return fileErrors.length > 0 ? { fileErrors } : { targets };
}

function csvCandidate(record: readonly string[], targets: readonly ColumnTarget[], row: number): Candidate {
  const extra = record.slice(targets.length).filter((cell) => cell !== '').length;
  if (extra > 0) {
    return {
      row,
      error: `the row has ${record.length} values but the header names ${targets.length} columns (an unquoted comma?)`,
    };
  }
  const fields: Record<string, unknown> = {};
  const result: Record<string, string> = {};
  for (const [index, raw] of record.entries()) {
    const cell = raw.trim();
    if (cell === '') continue;
    const target = targets[index];
    if (target === 'ignored') continue;
    if (target === null || target === undefined) {
      return { row, error: `column ${index + 1} has a value but no name in the header` };
    }
    const part = RESULT_PARTS[target];
    if (part !== undefined) result[part] = cell;
    else if (target === 'recipient') fields[/^did:/i.test(cell) ? 'did' : 'email'] = cell;
    else fields[target] = cell;
  }
  if (Object.keys(result).length > 0) fields.results = [result];
  return { row, fields };
}

function csvLabel(header: readonly string[], targets: readonly ColumnTarget[]): Label {
  const columnOf = (wanted: readonly CsvTarget[]) => {
    const index = targets.findIndex(
      (target) => target !== null && target !== 'ignored' && wanted.includes(target),
    );
    return header[index]?.trim() ?? wanted[0] ?? '';
  };
  return (path) => {
    const [field, , part] = path;
    if (field === 'results') {
      if (part === 'value') return columnOf(['resultValue']);
      if (part === 'status') return columnOf(['resultStatus']);
      if (part === 'resultDescription') return columnOf(['resultDescription']);
      return 'the result';
    }
    if (field === 'email') return columnOf(['email', 'recipient']);
    if (field === 'did') return columnOf(['did', 'recipient']);
    return typeof field === 'string' ? columnOf([field as CsvTarget]) : '';
  };
}

function readJsonLines(text: string, maxRows: number): ReadResult {
  const candidates: Candidate[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    if (candidates.length === maxRows) return { fileErrors: [tooManyRowsMessage(maxRows)] };
    const row = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      candidates.push({ row, error: `the line is not valid JSON (${(error as Error).message})` });
      continue;
    }
    candidates.push(
      isRecord(value)
        ? { row, fields: withoutEmptyValues(withCamelCaseKey(value)) }
        : { row, error: 'the line must be one JSON object, e.g. {"email": "ann@example.org"}' },
    );
  }
  return { candidates, label: jsonLabel };
}

// The CSV column's name is accepted in JSON lines too, so one export script can write both formats.
function withCamelCaseKey(object: Record<string, unknown>): Record<string, unknown> {
  if (!('idempotency_key' in object) || 'idempotencyKey' in object) return object;
  const { idempotency_key: idempotencyKey, ...rest } = object;
  return { ...rest, idempotencyKey };
}

// The same leniency as a CSV's empty cell: exporters write null or "" for "not given".
function withoutEmptyValues(object: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    const trimmed = typeof value === 'string' ? value.trim() : value;
    if (trimmed === null || trimmed === '') continue;
    kept[key] =
      key === 'results' && Array.isArray(trimmed)
        ? trimmed.map((result) => (isRecord(result) ? withoutEmptyValues(result) : result))
        : trimmed;
  }
  return kept;
}

function jsonLabel(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index > 0 ? '.' : ''}${String(key)}`))
    .join('');
}

function describeIssues(issues: readonly z.core.$ZodIssue[], label: Label): string {
  return issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        const where = issue.path.length > 0 ? ` in ${label(issue.path)}` : '';
        return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}${where}`;
      }
      const message =
        issue.code === 'invalid_type'
          ? `must be ${issue.expected === 'array' ? 'an array' : `a ${issue.expected}`}`
          : issue.code === 'invalid_value'
            ? `must be one of ${issue.values.map(String).join(', ')}`
            : issue.message;
      return issue.path.length > 0 ? `${label(issue.path)} ${message}` : message;
    })
    .join('; ');
}
