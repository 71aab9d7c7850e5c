import { describe, expect, it } from 'vitest';
import { thrownCode } from '../test-credentials.js';
import { toDateTimeStamp } from './to-date-time-stamp.js';

describe('toDateTimeStamp', () => {
  it.each([
    [new Date('2025-01-31T09:00:00Z'), '2025-01-31T09:00:00Z'],
    [new Date('2025-01-31T09:00:00.120Z'), '2025-01-31T09:00:00.120Z'],
    ['2025-01-31T10:00:00+01:00', '2025-01-31T09:00:00Z'],
    ['2025-01-31T09:00:00.5Z', '2025-01-31T09:00:00.500Z'],
    ['2024-12-31T23:30:00-01:00', '2025-01-01T00:30:00Z'],
  ])('writes %s as %s', (value, expected) => {
    expect(toDateTimeStamp({ value, field: 'validFrom' })).toBe(expected);
  });

  it.each([
    '2025-01-31T09:00:00',
    '2025-01-31',
    '2025-02-30T09:00:00Z',
    '31.01.2025',
    new Date(Number.NaN),
    new Date(Date.UTC(10000, 0, 1)),
  ])('refuses %s with VALIDATION_ERROR', (value) => {
    expect(thrownCode(() => toDateTimeStamp({ value, field: 'validFrom' }))).toBe('VALIDATION_ERROR');
  });
});
