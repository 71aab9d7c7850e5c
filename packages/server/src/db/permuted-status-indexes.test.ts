import { describe, expect, it } from 'vitest';
import { permutedStatusIndexes } from './permuted-status-indexes.js';

const seed = new Uint8Array(32).fill(7);

describe('permutedStatusIndexes', () => {
  it('is a permutation: every index exactly once', () => {
    const indexes = permutedStatusIndexes({ seed, length: 1_000, from: 0, to: 1_000 });
    expect([...indexes].sort((a, b) => a - b)).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
  });

  it('is deterministic in the seed, and positions slice the same order', () => {
    const all = permutedStatusIndexes({ seed, length: 4_096, from: 0, to: 4_096 });
    expect(permutedStatusIndexes({ seed, length: 4_096, from: 100, to: 110 })).toEqual(all.slice(100, 110));
    const other = permutedStatusIndexes({
      seed: new Uint8Array(32).fill(8),
      length: 4_096,
      from: 0,
      to: 4_096,
    });
    expect(other).not.toEqual(all);
  });

  it('does not follow issuance order', () => {
    const first = permutedStatusIndexes({ seed, length: 131_072, from: 0, to: 1_000 });
    const inPlace = first.filter((index, position) => index === position).length;
    expect(inPlace).toBeLessThan(5);
    // Spread over the whole list: each eighth of it gets a share of the first 1,000.
    const eighths = new Set(first.map((index) => Math.floor(index / 16_384)));
    expect(eighths.size).toBe(8);
  });

  it('refuses bad arguments', () => {
    expect(() => permutedStatusIndexes({ seed: new Uint8Array(16), length: 8, from: 0, to: 1 })).toThrow(
      RangeError,
    );
    expect(() => permutedStatusIndexes({ seed, length: 8, from: 0, to: 9 })).toThrow(RangeError);
    expect(() => permutedStatusIndexes({ seed, length: 8, from: 2, to: 1 })).toThrow(RangeError);
  });
});
