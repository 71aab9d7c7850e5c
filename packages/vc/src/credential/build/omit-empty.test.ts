import { describe, expect, it } from 'vitest';
import { omitEmpty } from './omit-empty.js';

describe('omitEmpty', () => {
  it('drops undefined, null and empty arrays at every depth, keeping false, 0 and empty strings', () => {
    expect(
      omitEmpty({
        a: undefined,
        b: null,
        c: [],
        d: { e: [], f: [null, undefined], g: false, h: 0, i: '' },
        j: [{ k: null, l: 1 }],
      }),
    ).toEqual({ d: { g: false, h: 0, i: '' }, j: [{ l: 1 }] });
  });

  it('copies embedded credentials (objects with @context) untouched, since their proofs cover them', () => {
    const signed = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      extra: [],
      proof: [{ type: 'X' }],
    };
    const result = omitEmpty({ endorsement: [signed] });
    expect(result.endorsement[0]).toBe(signed);
  });
});
