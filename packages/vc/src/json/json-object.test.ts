import { describe, expect, it } from 'vitest';
import { isRecord } from './json-object.js';

describe('isRecord', () => {
  it('accepts a JSON object, empty or not', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord({ id: 'urn:example:1' })).toBe(true);
  });

  it('refuses null and arrays, which typeof also calls objects', () => {
    expect(isRecord(null)).toBe(false);
    expect(isRecord([])).toBe(false);
    expect(isRecord([{ id: 'urn:example:1' }])).toBe(false);
  });

  it('refuses strings, numbers, booleans and undefined', () => {
    for (const value of ['{}', 1, true, undefined]) expect(isRecord(value)).toBe(false);
  });
});
