import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { decompress } from 'wawoff2';

export type FontWeight = 400 | 700;

/**
 * The outline width, as a fraction of the font size, that brings the Thin CJK font (see `thin`) up to
 * the weight of the Latin text beside it (chosen by eye against the Noto Sans stems).
 */
export const THIN_FONT_STROKE: Readonly<Record<FontWeight, number>> = { 400: 0.045, 700: 0.085 };

/** One slice of a bundled font, as TrueType bytes pdf-lib and resvg both read. */
export interface BundledFont {
  /** Stable per file: embed or hand over each slice once. */
  readonly key: string;
  /** The family name inside the font file, which SVG text must ask for. */
  readonly family: string;
  readonly bytes: Uint8Array;
  /**
   * The CJK font is the variable Noto Sans SC, whose default instance (all pdf-lib and resvg-wasm use)
   * is its thinnest weight: whoever draws with it thickens the strokes to match the Latin text.
   */
  readonly thin: boolean;
  readonly covers: (codePoint: number) => boolean;
}

interface Slice {
  readonly key: string;
  readonly family: string;
  readonly file: string;
  readonly thin: boolean;
  readonly ranges: readonly (readonly [number, number])[];
}

const require = createRequire(import.meta.url);

/** A package's folder, found through a file its `exports` let us resolve. */
function packageDir(probe: string): string {
  return dirname(dirname(require.resolve(probe)));
}

/** `U+0100-02BA,U+0304` (a CSS unicode-range, as fontsource's unicode.json writes it) as number pairs. */
function parseRanges(unicodeRange: string): [number, number][] {
  return unicodeRange.split(',').map((part) => {
    const [from = '', to] = part.trim().replace(/^U\+/i, '').split('-');
    const low = Number.parseInt(from, 16);
    return [low, to === undefined ? low : Number.parseInt(to, 16)];
  });
}

async function readManifest(dir: string): Promise<Record<string, string>> {
  return JSON.parse(await readFile(join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
}

// Noto Sans first (Latin, Greek, Cyrillic, in static 400 and 700), then Noto Sans SC for Han and kana:
// a character goes to the first slice that covers it. Both ship as ~100 slices split by Unicode range,
// so a certificate loads only the few its text needs (OFL 1.1, see each package's LICENSE).
const LATIN_ORDER = ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'];

async function loadSlices(): Promise<Record<FontWeight, Slice[]>> {
  const latinDir = packageDir('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2');
  const cjkDir = packageDir('@fontsource-variable/noto-sans-sc/files/noto-sans-sc-4-wght-normal.woff2');
  const latin = await readManifest(latinDir);
  const cjk = await readManifest(cjkDir);
  const cjkSlices = Object.entries(cjk).map(([name, range]) => {
    const index = name.replace(/[[\]]/g, '');
    return {
      key: `noto-sans-sc-${index}`,
      family: 'Noto Sans SC',
      file: join(cjkDir, 'files', `noto-sans-sc-${index}-wght-normal.woff2`),
      thin: true,
      ranges: parseRanges(range),
    };
  });
  const latinSlices = (weight: FontWeight) =>
    LATIN_ORDER.filter((name) => latin[name] !== undefined).map((name) => ({
      key: `noto-sans-${name}-${weight}`,
      family: 'Noto Sans',
      file: join(latinDir, 'files', `noto-sans-${name}-${weight}-normal.woff2`),
      thin: false,
      ranges: parseRanges(latin[name] ?? ''),
    }));
  return { 400: [...latinSlices(400), ...cjkSlices], 700: [...latinSlices(700), ...cjkSlices] };
}

let slices: Promise<Record<FontWeight, Slice[]>> | undefined;
const decoded = new Map<string, Promise<Uint8Array>>();
let decoding: Promise<unknown> = Promise.resolve();

/**
 * wawoff2 returns a view into its wasm memory, which the next call overwrites: calls go one at a time,
 * each copying its font out before the next starts.
 */
function decodeWoff2(woff2: Uint8Array): Promise<Uint8Array> {
  const font = decoding.then(() => decompress(woff2)).then((view) => view.slice());
  decoding = font.catch(() => undefined);
  return font;
}

function decode(slice: Slice): Promise<Uint8Array> {
  let bytes = decoded.get(slice.key);
  if (bytes === undefined) {
    bytes = readFile(slice.file).then(decodeWoff2);
    // A failed read is not cached, so a transient error does not stick for the life of the process.
    bytes.catch(() => decoded.delete(slice.key));
    decoded.set(slice.key, bytes);
  }
  return bytes;
}

const inRanges = (slice: Slice) => (codePoint: number) =>
  slice.ranges.some(([low, high]) => codePoint >= low && codePoint <= high);

/**
 * The bundled font slices that cover `text` at `weight`, decoded once per process. The first is always
 * the basic Latin slice, the fallback for characters no slice covers.
 */
export async function fontsFor(text: string, weight: FontWeight): Promise<BundledFont[]> {
  slices ??= loadSlices();
  const all = (await slices)[weight];
  const needed = new Set<Slice>(all.slice(0, 1));
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const slice = all.find((candidate) => inRanges(candidate)(codePoint));
    if (slice !== undefined) needed.add(slice);
  }
  return Promise.all(
    [...needed].map(async (slice) => ({
      key: slice.key,
      family: slice.family,
      bytes: await decode(slice),
      thin: slice.thin,
      covers: inRanges(slice),
    })),
  );
}

/** A stretch of text drawn with one font. */
export interface FontRun<F> {
  readonly text: string;
  readonly font: F;
}

/**
 * Cuts `text` into runs, each character in the first font that covers it; spaces and characters no
 * font covers stay in the run they follow, so a line is not split more than the scripts require.
 */
export function splitIntoRuns<F extends { covers: (codePoint: number) => boolean }>(
  text: string,
  fonts: readonly F[],
): FontRun<F>[] {
  const runs: { text: string; font: F }[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const last = runs.at(-1);
    const covering = fonts.find((font) => font.covers(codePoint));
    const font = char === ' ' || covering === undefined ? (last?.font ?? fonts[0]) : covering;
    if (font === undefined) continue;
    if (last !== undefined && last.font === font) last.text += char;
    else runs.push({ text: char, font });
  }
  return runs;
}
