import { ErrorCode, MicrocredError } from '../error/index.js';

/** Tile height of C2SP tlog-tiles: a tile spans 8 levels, so a full tile holds 256 hashes or entries. */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;

/**
 * A tile: at tile level `level`, the stored hashes of tree level 8·level with indexes
 * [index·256, index·256 + width). `width` is 256 for a full tile, 1–255 for a partial one.
 */
export interface Tile {
  readonly level: number;
  readonly index: number;
  readonly width: number;
}

/** What a tile path names: a tile of hashes, or the entry bundle of level-0 tile `index`. */
export type TilePath =
  | { readonly kind: 'hashes'; readonly tile: Tile }
  | { readonly kind: 'entries'; readonly index: number; readonly width: number };

// tlog-tiles allows levels 0–63; those above 6 would need more than 2^53 leaves, so `tileExists` never
// finds them, but their paths still parse.
const MAX_TILE_LEVEL = 63;

function refuse(path: string, why: string): never {
  throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, `not a canonical tile path: ${why}`, {
    details: { reason: 'non-canonical-tile-path', path },
  });
}

function assertTile(level: number, index: number, width: number): void {
  const ok =
    Number.isSafeInteger(level) &&
    level >= 0 &&
    level <= MAX_TILE_LEVEL &&
    Number.isSafeInteger(index) &&
    index >= 0 &&
    Number.isInteger(width) &&
    width >= 1 &&
    width <= TILE_WIDTH;
  if (!ok) {
    throw new MicrocredError(
      ErrorCode.RANGE_ERROR,
      'a tile has a level 0–63, an index ≥ 0 and a width 1–256',
      {
        details: { reason: 'bad-tile', level, index, width },
      },
    );
  }
}

/** N as tlog-tiles writes it: 3-digit groups, all but the last prefixed with `x` (1234067 → x001/x234/067). */
function encodeIndex(index: number): string {
  const groups: string[] = [];
  let rest = index;
  do {
    groups.unshift(String(rest % 1000).padStart(3, '0'));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return groups.map((group, i) => (i < groups.length - 1 ? `x${group}` : group)).join('/');
}

function suffix(width: number): string {
  return width === TILE_WIDTH ? '' : `.p/${width}`;
}

/** `tile/{L}/{N}[.p/{W}]` (C2SP tlog-tiles). */
export function formatTilePath(tile: Tile): string {
  assertTile(tile.level, tile.index, tile.width);
  return `tile/${tile.level}/${encodeIndex(tile.index)}${suffix(tile.width)}`;
}

/** `tile/entries/{N}[.p/{W}]` (C2SP tlog-tiles). */
export function formatEntryBundlePath(bundle: { readonly index: number; readonly width: number }): string {
  assertTile(0, bundle.index, bundle.width);
  return `tile/entries/${encodeIndex(bundle.index)}${suffix(bundle.width)}`;
}

const DECIMAL = /^(?:0|[1-9][0-9]*)$/;
const WIDTH = /^[1-9][0-9]{0,2}$/;

/**
 * Parses a tile or entry-bundle path (without the log's URL prefix), accepting only the one canonical
 * spelling of each tile: any other (`x01`, an `x` on the last group, a leading `x000`, a level or width with
 * leading zeros, a width of 0 or ≥ 256, anything after) throws MALFORMED_VALUE_ERROR, which a server
 * answers with 404 (ADVERSARIAL L5). Whether the tile exists for the current tree is `tileExists`.
 */
export function parseTilePath(path: string): TilePath {
  const parts = path.split('/');
  if (parts[0] !== 'tile' || parts.length < 3) refuse(path, 'expected tile/{L}/{N}');
  const levelPart = parts[1] ?? '';
  const entries = levelPart === 'entries';
  if (!entries && !DECIMAL.test(levelPart)) refuse(path, 'the level is not a canonical decimal');
  const level = entries ? 0 : Number(levelPart);
  let rest = parts.slice(2);
  let width = TILE_WIDTH;
  const last = rest[rest.length - 1] ?? '';
  const beforeLast = rest[rest.length - 2];
  if (beforeLast?.endsWith('.p')) {
    if (!WIDTH.test(last) || Number(last) >= TILE_WIDTH) refuse(path, 'a partial width is 1–255');
    width = Number(last);
    rest = [...rest.slice(0, -2), beforeLast.slice(0, -2)];
  }
  let index = 0;
  rest.forEach((group, i) => {
    const isLast = i === rest.length - 1;
    const digits = isLast
      ? group
      : group.startsWith('x')
        ? group.slice(1)
        : refuse(path, 'a non-final group lacks x');
    if (!/^[0-9]{3}$/.test(digits)) refuse(path, 'each group of N is exactly 3 digits');
    if (i === 0 && rest.length > 1 && digits === '000') refuse(path, 'N has a leading zero group');
    index = index * 1000 + Number(digits);
  });
  if (!Number.isSafeInteger(index)) refuse(path, 'N is too large');
  if (level > MAX_TILE_LEVEL) refuse(path, 'the level is above 63');
  return entries ? { kind: 'entries', index, width } : { kind: 'hashes', tile: { level, index, width } };
}
