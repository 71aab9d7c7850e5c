import type { HashReader } from './hash-reader.js';
import { assertTreeSize, HASH_SIZE } from './merkle-hash.js';
import { TILE_HEIGHT, TILE_WIDTH, type Tile } from './tile-path.js';

/** How many hashes a tree of `size` leaves stores at tree level `8·tileLevel`. */
function hashesAtTileLevel(size: number, tileLevel: number): number {
  return Math.floor(size / 2 ** (TILE_HEIGHT * tileLevel));
}

/**
 * The tiles a tree of `size` leaves publishes at each tile level: how many are full and the width of the
 * partial one at the right (0 when there is none). Level 0 also describes the entry bundles.
 */
export function tileLayout(size: number): { level: number; fullTiles: number; partialWidth: number }[] {
  assertTreeSize(size);
  const layout: { level: number; fullTiles: number; partialWidth: number }[] = [];
  for (let level = 0; hashesAtTileLevel(size, level) > 0; level++) {
    const count = hashesAtTileLevel(size, level);
    layout.push({ level, fullTiles: Math.floor(count / TILE_WIDTH), partialWidth: count % TILE_WIDTH });
  }
  return layout;
}

/**
 * Whether a tree of `size` leaves has this tile: a full tile once its 256 hashes exist, a partial tile only
 * with exactly the width this size gives it. A partial tile no checkpoint of that size implies is refused
 * (ADVERSARIAL L5); a server that keeps older partial tiles checks them against the sizes it signed.
 */
export function tileExists(tile: Tile, size: number): boolean {
  const count = hashesAtTileLevel(size, tile.level);
  const start = tile.index * TILE_WIDTH;
  return tile.width === TILE_WIDTH ? start + TILE_WIDTH <= count : start + tile.width === count;
}

/** The tiles that growing a tree from `oldSize` to `newSize` creates or widens: what to write after an append. */
export function changedTiles(oldSize: number, newSize: number): Tile[] {
  assertTreeSize(oldSize);
  assertTreeSize(newSize);
  const tiles: Tile[] = [];
  for (let level = 0; hashesAtTileLevel(newSize, level) > 0; level++) {
    const before = hashesAtTileLevel(oldSize, level);
    const after = hashesAtTileLevel(newSize, level);
    if (after === before) continue;
    const first = Math.floor(before / TILE_WIDTH);
    const last = Math.floor((after - 1) / TILE_WIDTH);
    for (let index = first; index <= last; index++) {
      tiles.push({ level, index, width: Math.min(TILE_WIDTH, after - index * TILE_WIDTH) });
    }
  }
  return tiles;
}

/** A tile's bytes: its hashes concatenated (C2SP tlog-tiles), read from the hash store. */
export function tileBytes(tile: Tile, read: HashReader): Uint8Array {
  const bytes = new Uint8Array(tile.width * HASH_SIZE);
  const level = tile.level * TILE_HEIGHT;
  for (let i = 0; i < tile.width; i++) bytes.set(read(level, tile.index * TILE_WIDTH + i), i * HASH_SIZE);
  return bytes;
}
