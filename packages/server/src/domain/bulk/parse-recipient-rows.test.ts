import { RESULT_STATUS_TYPES } from '@microcred/vc';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FILE_ERROR_ROW,
  parseRecipientRows,
  RECIPIENT_CSV_COLUMNS,
  RECIPIENT_CSV_FIELDS,
  type RecipientRow,
  readRecipientCsvHeadings,
  recipientCsvField,
} from './parse-recipient-rows.js';

const csv = (text: string, maxRows?: number) =>
  parseRecipientRows({ text, format: 'csv', ...(maxRows === undefined ? {} : { maxRows }) });
const jsonl = (text: string) => parseRecipientRows({ text, format: 'jsonl' });

describe('parseRecipientRows (CSV)', () => {
  it('reads every column of a good file, numbering data rows from 1 under the header', () => {
    const text = [
      'email,did,name,evidence_url,evidence_narrative,narrative,result,result_description,result_status,activity_start_date,activity_end_date',
      ' Ann.Lee@Example.ORG ,,Ann Lee,https://lms.example.org/work/1,"Essay, graded",Led the **team**,87,https://uni.example/achievements/1#score,Completed,2025-03-01T09:00:00Z,2025-06-30T17:00:00+02:00',
      ',did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK,"Lee, Bo",,,,,,,,',
    ].join('\n');
    expect(csv(text)).toEqual({
      rows: [
        {
          row: 1,
          email: 'ann.lee@example.org',
          name: 'Ann Lee',
          evidenceUrl: 'https://lms.example.org/work/1',
          evidenceNarrative: 'Essay, graded',
          narrative: 'Led the **team**',
          results: [
            {
              value: '87',
              resultDescription: 'https://uni.example/achievements/1#score',
              status: 'Completed',
            },
          ],
          activityStartDate: '2025-03-01T09:00:00Z',
          activityEndDate: '2025-06-30T17:00:00+02:00',
        },
        { row: 2, did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', name: 'Lee, Bo' },
      ],
      errors: [],
      duplicates: [],
    });
  });

  it('reports exactly the bad rows, with their row numbers, and keeps all the good ones', () => {
    const text = [
      'email,name,evidence_url',
      'ann@example.org,Ann,',
      'bob@@example.org,Bob,', // row 2: bad email
      'cy@example.org,Cy,https://example.org/cy',
      ',Dee,', // row 4: no recipient
      'eve@example.org,Eve,',
      'fay@example.org,Fay,javascript:alert(1)', // row 6: not an http(s) URL
      'gus@example.org,Gus,',
    ].join('\r\n');
    const { rows, errors } = csv(text);
    expect(rows.map((row) => [row.row, row.email])).toEqual([
      [1, 'ann@example.org'],
      [3, 'cy@example.org'],
      [5, 'eve@example.org'],
      [7, 'gus@example.org'],
    ]);
    expect(errors).toEqual([
      { row: 2, message: 'email is not a valid email address' },
      { row: 4, message: 'no recipient: give an email address or a DID' },
      { row: 6, message: 'evidence_url must be an http(s) URL' },
    ]);
  });

  it('refuses the whole file at a quote that is never closed, naming the line where it opened', () => {
    const text = 'email,name\nann@example.org,Ann\n\nbob@example.org,"Bob\ncy@example.org,Cy\n';
    const { rows, errors } = csv(text);
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.row).toBe(FILE_ERROR_ROW);
    expect(errors[0]?.message).toMatch(/^line 4: a quoted value is never closed/);
    expect(errors[0]?.message).toContain('the whole file is refused');
  });

  it('refuses the whole file at a stray quote inside a value or text after a closing quote', () => {
    for (const [text, line] of [
      ['email,name\nann@example.org,Ann\nbob@example.org,Bo"b\n', 3],
      ['email,name\nann@example.org,"Ann"ie\n', 2],
    ] as const) {
      const { rows, errors } = csv(text);
      expect(rows).toEqual([]);
      expect(errors).toEqual([{ row: FILE_ERROR_ROW, message: expect.stringMatching(`^line ${line}: `) }]);
    }
  });

  it('tolerates a UTF-8 byte order mark before the header', () => {
    const { rows, errors } = csv('\uFEFFemail,name\nann@example.org,Ann\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ row: 1, email: 'ann@example.org', name: 'Ann' }]);
  });

  it('matches column names without case, spaces or underscores, through their aliases', () => {
    const text = [
      'Recipient Email,RECIPIENT_NAME,Score,Evidence,Result Description,activityStartDate',
      'ann@example.org,Ann,9.5,https://example.org/e,Final grade,2025-01-01T00:00:00Z',
    ].join('\n');
    expect(csv(text)).toEqual({
      rows: [
        {
          row: 1,
          email: 'ann@example.org',
          name: 'Ann',
          evidenceUrl: 'https://example.org/e',
          results: [{ value: '9.5', resultDescription: 'Final grade' }],
          activityStartDate: '2025-01-01T00:00:00Z',
        },
      ],
      errors: [],
      duplicates: [],
    });
  });

  it('takes an email address or a DID from a recipient column', () => {
    const { rows } = csv('recipient\nAnn@Example.org\ndid:web:example.org:people:bo\n');
    expect(rows).toEqual([
      { row: 1, email: 'ann@example.org' },
      { row: 2, did: 'did:web:example.org:people:bo' },
    ]);
  });

  it('gives one error for all unknown columns and reads no row', () => {
    const { rows, errors } = csv('email,nmae,grade\nann@example.org,Ann,A\nbob@example.org,Bob,B\n');
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toEqual({
      row: FILE_ERROR_ROW,
      message: expect.stringContaining('unknown columns "nmae", "grade"'),
    });
  });

  it('refuses a header without a recipient column, or with two columns for the same field', () => {
    expect(csv('name\nAnn\n').errors).toEqual([
      { row: FILE_ERROR_ROW, message: expect.stringContaining('no recipient column') },
    ]);
    expect(csv('email,recipient_email\na@example.org,b@example.org\n').errors).toEqual([
      { row: FILE_ERROR_ROW, message: expect.stringContaining('"email" and "recipient_email"') },
    ]);
  });

  it('refuses an empty file', () => {
    expect(csv('\n\n').errors).toEqual([
      { row: FILE_ERROR_ROW, message: expect.stringContaining('the file is empty') },
    ]);
  });

  it('skips blank rows but counts them, and counts a multi-line value as one row', () => {
    const text = 'email,narrative\n\nann@example.org,"line one\nline two"\n,\nbob@example.org,ok\n\n';
    const { rows, errors } = csv(text);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { row: 2, email: 'ann@example.org', narrative: 'line one\nline two' },
      { row: 4, email: 'bob@example.org', narrative: 'ok' },
    ]);
  });

  it('makes a row with more values than columns an error of that row only', () => {
    const { rows, errors } = csv('email,name\nann@example.org,Lee, Ann\nbob@example.org,Bob\n');
    expect(rows).toEqual([{ row: 2, email: 'bob@example.org', name: 'Bob' }]);
    expect(errors).toEqual([{ row: 1, message: expect.stringContaining('3 values but the header names 2') }]);
  });

  it('reports every later row of a repeated recipient as a duplicate of the first, comparing emails without case', () => {
    const text = 'email\nann@example.org\nbob@example.org\nANN@example.org\nann@example.org\n';
    const { rows, errors, duplicates } = csv(text);
    expect(errors).toEqual([]);
    expect(rows.map((row) => row.row)).toEqual([1, 2, 3, 4]);
    expect(duplicates).toEqual([
      { row: 3, of: 1 },
      { row: 4, of: 1 },
    ]);
  });

  it('does not count a row after an invalid row of the same recipient as a duplicate', () => {
    const { rows, errors, duplicates } = csv(
      'email,evidence_url\nann@example.org,ftp://x\nann@example.org,\n',
    );
    expect(errors.map((error) => error.row)).toEqual([1]);
    expect(rows).toEqual([{ row: 2, email: 'ann@example.org' }]);
    expect(duplicates).toEqual([]);
  });

  it('reads an idempotency_key column, and refuses a key an earlier row gives for another recipient', () => {
    const text =
      'email,idempotency_key\nann@example.org,enrol-1\nbob@example.org,enrol-1\nann@example.org,enrol-1\n';
    const { rows, errors, duplicates } = csv(text);
    expect(rows).toEqual([
      { row: 1, email: 'ann@example.org', idempotencyKey: 'enrol-1' },
      { row: 3, email: 'ann@example.org', idempotencyKey: 'enrol-1' },
    ]);
    expect(errors).toEqual([
      { row: 2, message: 'idempotency_key is the one row 1 gives for another recipient' },
    ]);
    expect(duplicates).toEqual([{ row: 3, of: 1 }]);
  });

  it('checks dates, lengths, DIDs and result statuses', () => {
    const text = [
      'recipient,name,activity_start_date,activity_end_date,result_status',
      'a@example.org,,2025-01-01T09:00:00,,', // no timezone
      'b@example.org,,2025-02-01T00:00:00Z,2025-01-01T00:00:00Z,', // ends before it starts
      `c@example.org,${'x'.repeat(201)},,,`,
      'did:example,,,,', // no method-specific id
      'd@example.org,,,,Passed', // not an OB 3.0 ResultStatusType
      'e@example.org,,2024-02-29T12:00:00Z,2024-03-01T12:00:00Z,Completed',
    ].join('\n');
    const { rows, errors } = csv(text);
    expect(rows.map((row) => row.row)).toEqual([6]);
    expect(errors).toEqual([
      { row: 1, message: expect.stringContaining('activity_start_date must be an ISO 8601 date-time') },
      { row: 2, message: 'activity_end_date is before the activity start date' },
      { row: 3, message: 'name is longer than 200 characters' },
      { row: 4, message: 'recipient is not a DID (did:method:identifier)' },
      { row: 5, message: expect.stringMatching(/^result_status must be one of Completed, /) },
    ]);
  });

  it('gives one error when the file has more rows than allowed', () => {
    const text = `email\n${['a', 'b', 'c'].map((name) => `${name}@example.org`).join('\n')}\n`;
    expect(csv(text, 3).errors).toEqual([]);
    expect(csv(text, 2)).toEqual({
      rows: [],
      errors: [{ row: FILE_ERROR_ROW, message: expect.stringContaining('more than 2 rows') }],
      duplicates: [],
    });
  });

  it('parses a 10,000-row file completely', () => {
    const lines = Array.from(
      { length: 10_000 },
      (_, index) => `learner${index}@example.org,Learner ${index},${index % 101}`,
    );
    const { rows, errors } = csv(`email,name,score\n${lines.join('\n')}\n`);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(10_000);
    expect(rows[9_999]).toEqual({
      row: 10_000,
      email: 'learner9999@example.org',
      name: 'Learner 9999',
      results: [{ value: String(9_999 % 101) }],
    });
  });
});

describe('parseRecipientRows (JSON lines)', () => {
  it('numbers rows by line and makes a line of broken JSON an error of that line only', () => {
    const text = [
      '{"email": "Ann@Example.org", "name": "Ann", "results": [{"value": 87, "status": "Completed"}]}',
      '{"email": "bob@example.org", "name": "Bob"',
      '',
      '{"did": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "narrative": null}',
    ].join('\n');
    const { rows, errors } = jsonl(text);
    expect(rows).toEqual([
      { row: 1, email: 'ann@example.org', name: 'Ann', results: [{ value: '87', status: 'Completed' }] },
      { row: 4, did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' },
    ]);
    expect(errors).toEqual([{ row: 2, message: expect.stringContaining('not valid JSON') }]);
  });

  it('refuses values PostgreSQL cannot store: a NUL character or an unpaired surrogate', () => {
    const { rows, errors } = jsonl(
      '{"email": "a@example.org", "name": "A\\u0000"}\n{"email": "b@example.org", "narrative": "\\ud800"}\n',
    );
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { row: 1, message: expect.stringContaining('name contains a NUL character') },
      { row: 2, message: 'narrative contains a NUL character or a broken surrogate pair' },
    ]);
  });

  it('rejects a line that is not an object, or has unknown or mistyped fields', () => {
    const { errors } = jsonl('["ann@example.org"]\n{"email": "b@example.org", "score": 1}\n{"did": 7}\n');
    expect(errors).toEqual([
      { row: 1, message: expect.stringContaining('must be one JSON object') },
      { row: 2, message: 'unknown field "score"' },
      { row: 3, message: 'did must be a string' },
    ]);
  });
});

// Round trip: any valid set of recipients, written as CSV by an independent writer, reads back as is.
const CSV_TRICKY = [...'abcXYZ019 ,;"\'éü中😀-'];
const textOf = (options: { minLength?: number; maxLength: number; newlines?: boolean }) =>
  fc
    .string({
      unit: fc.constantFrom(...CSV_TRICKY, ...(options.newlines === true ? ['\n', '\r\n'] : [])),
      minLength: options.minLength ?? 0,
      maxLength: options.maxLength,
    })
    .map((value) => value.trim())
    .map((value) => (value === '' ? undefined : value));
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const instant = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

const recipientArbitrary = fc.oneof(
  fc
    .tuple(
      fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}[a-z0-9]$/),
      fc.constantFrom('Example.ORG', 'uni.edu'),
    )
    .filter(([local]) => !local.includes('..'))
    .map(([local, domain]) => ({ email: `${local.toUpperCase()}@${domain}` })),
  fc.stringMatching(/^z[1-9A-HJ-NP-Za-km-z]{10,48}$/).map((id) => ({ did: `did:key:${id}` })),
);

const rowArbitrary = fc.record({
  recipient: recipientArbitrary,
  name: textOf({ maxLength: 40 }),
  evidenceUrl: optional(fc.stringMatching(/^[a-z0-9/-]{0,30}$/).map((path) => `https://example.org/${path}`)),
  evidenceNarrative: textOf({ maxLength: 80, newlines: true }),
  narrative: textOf({ maxLength: 80, newlines: true }),
  value: optional(fc.integer({ min: 0, max: 100 }).map(String)),
  resultDescription: textOf({ maxLength: 20 }),
  status: optional(fc.constantFrom(...RESULT_STATUS_TYPES)),
  dates: optional(fc.tuple(instant, instant).map(([a, b]) => (a <= b ? [a, b] : [b, a]))),
});
type GeneratedRow = typeof rowArbitrary extends fc.Arbitrary<infer T> ? T : never;

const recipientKey = (row: GeneratedRow) =>
  'email' in row.recipient ? row.recipient.email.toLowerCase() : row.recipient.did;

function expectedRow(generated: GeneratedRow, row: number): RecipientRow {
  const result = {
    value: generated.value,
    resultDescription: generated.resultDescription,
    status: generated.status,
  };
  const hasResult = Object.values(result).some((value) => value !== undefined);
  return JSON.parse(
    JSON.stringify({
      row,
      ...('email' in generated.recipient
        ? { email: generated.recipient.email.toLowerCase() }
        : { did: generated.recipient.did }),
      name: generated.name,
      evidenceUrl: generated.evidenceUrl,
      evidenceNarrative: generated.evidenceNarrative,
      narrative: generated.narrative,
      results: hasResult ? [result] : undefined,
      activityStartDate: generated.dates?.[0],
      activityEndDate: generated.dates?.[1],
    }),
  );
}

const COLUMNS = [
  'email',
  'did',
  'name',
  'evidence_url',
  'evidence_narrative',
  'narrative',
  'score',
  'result_description',
  'result_status',
  'activity_start_date',
  'activity_end_date',
] as const;

function csvField(value: string | undefined): string {
  if (value === undefined) return '';
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function writeCsv(rows: readonly GeneratedRow[], header: readonly string[]): string {
  const lines = rows.map((row) =>
    [
      'email' in row.recipient ? row.recipient.email : undefined,
      'did' in row.recipient ? row.recipient.did : undefined,
      row.name,
      row.evidenceUrl,
      row.evidenceNarrative,
      row.narrative,
      row.value,
      row.resultDescription,
      row.status,
      row.dates?.[0],
      row.dates?.[1],
    ]
      .map(csvField)
      .join(','),
  );
  return `${header.map(csvField).join(',')}\r\n${lines.join('\r\n')}\r\n`;
}

// Any alias of each column, in any letter case.
const headerArbitrary = fc.tuple(
  ...COLUMNS.map((column) => {
    const target = RECIPIENT_CSV_COLUMNS[column];
    const aliases = Object.keys(RECIPIENT_CSV_COLUMNS).filter(
      (name) => RECIPIENT_CSV_COLUMNS[name] === target,
    );
    return fc
      .tuple(fc.constantFrom(...aliases), fc.constantFrom('lower', 'upper'))
      .map(([name, letterCase]) => (letterCase === 'upper' ? name.toUpperCase() : name));
  }),
);

describe('parseRecipientRows (JSON lines idempotency keys)', () => {
  it('takes the key as idempotencyKey or as the CSV column name idempotency_key', () => {
    const { rows, errors } = jsonl(
      '{"email":"a@example.org","idempotencyKey":"k1"}\n{"email":"b@example.org","idempotency_key":"k2"}\n',
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { row: 1, email: 'a@example.org', idempotencyKey: 'k1' },
      { row: 2, email: 'b@example.org', idempotencyKey: 'k2' },
    ]);
  });
});

describe('parseRecipientRows round trip', () => {
  it('reads back any valid rows written as CSV', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(rowArbitrary, { maxLength: 30, selector: recipientKey }),
        headerArbitrary,
        (generated, header) => {
          const parsed = csv(writeCsv(generated, header));
          expect(parsed.errors).toEqual([]);
          expect(parsed.rows).toEqual(generated.map((row, index) => expectedRow(row, index + 1)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads back any valid rows written as JSON lines', () => {
    fc.assert(
      fc.property(fc.uniqueArray(rowArbitrary, { maxLength: 30, selector: recipientKey }), (generated) => {
        const expected = generated.map((row, index) => expectedRow(row, index + 1));
        const text = expected.map(({ row: _row, ...fields }) => JSON.stringify(fields)).join('\n');
        const parsed = jsonl(text);
        expect(parsed.errors).toEqual([]);
        expect(parsed.rows).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe('parseRecipientRows with a column mapping', () => {
  const text = ['Courriel,Nom complet,Remarques', 'ann@example.org,Ann Lee,late', 'nobody,Bo,'].join('\n');

  it('reads each column as the field the mapping names, leaving out the others', () => {
    const parsed = parseRecipientRows({ text, format: 'csv', columns: ['email', 'name', null] });
    expect(parsed.rows).toEqual([{ row: 1, email: 'ann@example.org', name: 'Ann Lee' }]);
    // Errors name the column by the file's own heading, which is what the person sees.
    expect(parsed.errors).toEqual([{ row: 2, message: 'Courriel is not a valid email address' }]);
  });

  it('refuses a mapping with no recipient column, or with one field twice, as a whole', () => {
    const missing = parseRecipientRows({ text, format: 'csv', columns: [null, 'name', null] });
    expect(missing.errors).toEqual([
      {
        row: FILE_ERROR_ROW,
        message: 'no recipient column: the header needs an email column or a did column',
      },
    ]);
    const twice = parseRecipientRows({ text, format: 'csv', columns: ['email', 'name', 'recipient_name'] });
    expect(twice.errors[0]?.message).toBe(
      'columns "Nom complet" and "Remarques" both give the name; keep one',
    );
  });

  it('offers one name per field and recognises headings as the parser does', () => {
    expect(RECIPIENT_CSV_FIELDS).toContain('email');
    expect(RECIPIENT_CSV_FIELDS).not.toContain('recipient_email');
    expect(new Set(RECIPIENT_CSV_FIELDS.map((name) => RECIPIENT_CSV_COLUMNS[name])).size).toBe(
      RECIPIENT_CSV_FIELDS.length,
    );
    expect(recipientCsvField('Recipient E-mail')).toBe('email');
    expect(recipientCsvField('Score')).toBe('result');
    expect(recipientCsvField('Courriel')).toBeNull();
  });

  it('reads the headings of a file, or says why it cannot be read', () => {
    expect(readRecipientCsvHeadings('\uFEFF\n Courriel , Nom\nann@example.org,Ann\n')).toEqual({
      headings: ['Courriel', 'Nom'],
    });
    expect(readRecipientCsvHeadings(' \n,,\n')).toEqual({
      error: 'the file is empty: the first line must name the columns, e.g. email,name',
    });
    expect(readRecipientCsvHeadings('email\n"ann@example.org\n')).toHaveProperty('error');
  });
});
