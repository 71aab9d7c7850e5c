import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, csvRow } from './csv.js';

describe('CSV cells', () => {
  it('prefixes a cell that a spreadsheet would run as a formula with a single quote', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1+1')).toBe(`"'+1+1"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\tcmd')).toBe(`"'\tcmd"`);
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
  });

  it('leaves other text as it is, quoted, with inner quotes doubled and line breaks kept', () => {
    expect(csvCell('Ada Lovelace')).toBe('"Ada Lovelace"');
    expect(csvCell('a "b", c\r\nd')).toBe('"a ""b"", c\r\nd"');
    expect(csvCell('x=1')).toBe('"x=1"');
  });

  it('writes nothing as an empty cell, numbers as they are and dates in ISO 8601', () => {
    expect(csvCell(null)).toBe('""');
    expect(csvCell(undefined)).toBe('""');
    expect(csvCell(42)).toBe('"42"');
    expect(csvCell(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('"2026-01-02T03:04:05.000Z"');
  });

  it('ends each record with CRLF and starts the file with a byte order mark', () => {
    expect(csvRow(['a', null, 'b,c'])).toBe('"a","","b,c"\r\n');
    expect(csvHeader(['id', 'name'])).toBe('\uFEFF"id","name"\r\n');
  });
});
