// Bit operations on tree sizes written with arithmetic: JavaScript's bitwise operators truncate to 32
// bits, and a log may grow past 2^32 leaves.

/** The largest power of two strictly smaller than n (n ≥ 2): the split point of RFC 9162 §2.1.1. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function isPowerOfTwo(n: number): boolean {
  return n > 0 && splitPoint(n + 1) === n;
}

export function isOdd(n: number): boolean {
  return n % 2 === 1;
}

export function half(n: number): number {
  return Math.floor(n / 2);
}

/** The levels of the complete subtrees a tree of `size` leaves decomposes into, largest first. */
export function subtreeLevels(size: number): number[] {
  const levels: number[] = [];
  let level = 0;
  for (let rest = size; rest > 0; rest = half(rest), level++) if (isOdd(rest)) levels.push(level);
  return levels.reverse();
}
