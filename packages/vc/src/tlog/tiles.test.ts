import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../error/index.js';
import { decodeEntryBundle, encodeEntryBundle } from './entry-bundle.js';
import { createMemoryHashStore } from './memory-hash-store.js';
import { hashLeaf } from './merkle-hash.js';
import { changedTiles, tileBytes, tileExists, tileLayout } from './tile-layout.js';
import { formatEntryBundlePath, formatTilePath, parseTilePath } from './tile-path.js';

describe('tile paths (C2SP tlog-tiles)', () => {
  it('writes N in x-prefixed 3-digit groups, as the spec example 1234067 → x001/x234/067', () => {
    expect(formatTilePath({ level: 0, index: 1234067, width: 256 })).toBe('tile/0/x001/x234/067');
    expect(formatTilePath({ level: 1, index: 0, width: 256 })).toBe('tile/1/000');
    expect(formatTilePath({ level: 2, index: 1000, width: 7 })).toBe('tile/2/x001/000.p/7');
    expect(formatEntryBundlePath({ index: 1234067, width: 1 })).toBe('tile/entries/x001/x234/067.p/1');
  });

  it('parses what it writes, and only that', () => {
    fc.assert(
      fc.property(
        fc.nat(6),
        fc.nat({ max: 2 ** 45 }),
        fc.integer({ min: 1, max: 256 }),
        (level, index, width) => {
          const path = formatTilePath({ level, index, width });
          expect(parseTilePath(path)).toEqual({ kind: 'hashes', tile: { level, index, width } });
          const bundle = formatEntryBundlePath({ index, width });
          expect(parseTilePath(bundle)).toEqual({ kind: 'entries', index, width });
        },
      ),
    );
  });

  it('refuses every non-canonical spelling (ADVERSARIAL L5)', () => {
    const refused = [
      'tile/0/x01/234',
      'tile/0/1/234',
      'tile/0/x001/x234',
      'tile/0/001/234',
      'tile/0/x000/001',
      'tile/0/0001',
      'tile/0/01',
      'tile/00/001',
      'tile/01/001',
      'tile/-1/001',
      'tile/0/001.p/0',
      'tile/0/001.p/256',
      'tile/0/001.p/07',
      'tile/0/001.p/',
      'tile/0/001.p',
      'tile/0/001/',
      'tile/entries/x001.p/3',
      'tile/entries/001.p/300',
      'tile/0/+01',
      'tile/0/ 01',
      'tile/64/000',
      'tile//000',
      'tile/0',
      'tiles/0/000',
      '/tile/0/000',
      'tile/0/x999/x999/x999/x999/x999/x999/999',
    ];
    for (const path of refused) {
      expect(() => parseTilePath(path), path).toThrow(
        expect.objectContaining({ code: ErrorCode.MALFORMED_VALUE_ERROR }),
      );
    }
  });
});

describe('which tiles a tree has', () => {
  it('lays out full and partial tiles per level', () => {
    expect(tileLayout(0)).toEqual([]);
    expect(tileLayout(70000)).toEqual([
      { level: 0, fullTiles: 273, partialWidth: 112 },
      { level: 1, fullTiles: 1, partialWidth: 17 },
      { level: 2, fullTiles: 0, partialWidth: 1 },
    ]);
  });

  it('serves a partial tile only at the width the size implies', () => {
    expect(tileExists({ level: 0, index: 273, width: 112 }, 70000)).toBe(true);
    expect(tileExists({ level: 0, index: 273, width: 111 }, 70000)).toBe(false);
    expect(tileExists({ level: 0, index: 273, width: 256 }, 70000)).toBe(false);
    expect(tileExists({ level: 0, index: 272, width: 256 }, 70000)).toBe(true);
    expect(tileExists({ level: 0, index: 272, width: 5 }, 70000)).toBe(false);
    expect(tileExists({ level: 3, index: 0, width: 1 }, 70000)).toBe(false);
  });

  it('lists the tiles an append creates or widens', () => {
    expect(changedTiles(100, 101)).toEqual([{ level: 0, index: 0, width: 101 }]);
    expect(changedTiles(255, 257)).toEqual([
      { level: 0, index: 0, width: 256 },
      { level: 0, index: 1, width: 1 },
      { level: 1, index: 0, width: 1 },
    ]);
    expect(changedTiles(256, 256)).toEqual([]);
  });

  it('covers exactly the tiles of the new size that differ from the old', () => {
    fc.assert(
      fc.property(fc.nat(200000), fc.nat(3000), (oldSize, grow) => {
        const newSize = oldSize + grow;
        for (const tile of changedTiles(oldSize, newSize)) {
          expect(tileExists(tile, newSize)).toBe(true);
          expect(tileExists(tile, oldSize)).toBe(false);
        }
      }),
    );
  });

  it('builds a tile from the stored hashes of its level', () => {
    const store = createMemoryHashStore();
    store.append(Array.from({ length: 600 }, (_, i) => hashLeaf(new Uint8Array([i >> 8, i & 0xff]))));
    const bytes = tileBytes({ level: 0, index: 2, width: 88 }, store.read);
    expect(bytes.length).toBe(88 * 32);
    expect(Buffer.from(bytes.subarray(0, 32))).toEqual(Buffer.from(store.read(0, 512)));
    expect(Buffer.from(tileBytes({ level: 1, index: 0, width: 2 }, store.read).subarray(32))).toEqual(
      Buffer.from(store.read(8, 1)),
    );
  });
});

describe('entry bundles', () => {
  it('prefixes each entry with its big-endian uint16 length', () => {
    const bundle = encodeEntryBundle([new Uint8Array([1, 2, 3]), new Uint8Array(0), new Uint8Array(300)]);
    expect([...bundle.subarray(0, 5)]).toEqual([0, 3, 1, 2, 3]);
    expect([...bundle.subarray(5, 9)]).toEqual([0, 0, 1, 44]);
    expect(decodeEntryBundle(bundle, 3).map((entry) => entry.length)).toEqual([3, 0, 300]);
  });

  it('refuses a truncated bundle, trailing bytes, a wrong count and oversized entries', () => {
    const bundle = encodeEntryBundle([new Uint8Array([1, 2, 3])]);
    expect(() => decodeEntryBundle(bundle.subarray(0, 4))).toThrow(
      expect.objectContaining({ code: ErrorCode.PARSING_ERROR }),
    );
    expect(() => decodeEntryBundle(new Uint8Array([...bundle, 0]))).toThrow(
      expect.objectContaining({ code: ErrorCode.PARSING_ERROR }),
    );
    expect(() => decodeEntryBundle(bundle, 2)).toThrow(
      expect.objectContaining({ code: ErrorCode.PARSING_ERROR }),
    );
    expect(() => encodeEntryBundle([new Uint8Array(65536)])).toThrow(
      expect.objectContaining({ code: ErrorCode.PAYLOAD_TOO_LARGE }),
    );
    expect(() => encodeEntryBundle([])).toThrow(expect.objectContaining({ code: ErrorCode.RANGE_ERROR }));
  });
});
