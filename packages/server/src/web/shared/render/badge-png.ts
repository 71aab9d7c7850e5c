import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { ErrorCode, MicrocredError } from '@microcred/vc';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

const MAX_WIDTH = 4096;

/**
 * The wasm build of resvg cannot read the file system, so `loadSystemFonts` does nothing there: text
 * renders only with font bytes handed in. Any one font is enough, as resvg falls back to it for every
 * family; a host without any of these still renders shapes, just not text.
 */
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];

async function loadRenderer(): Promise<Uint8Array[]> {
  const wasmPath = createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
  await initWasm(await readFile(wasmPath));
  const fonts = await Promise.all(FONT_CANDIDATES.map((path) => readFile(path).catch(() => undefined)));
  return fonts.filter((font) => font !== undefined);
}

let ready: Promise<Uint8Array[]> | undefined;

/**
 * Rasterises an SVG (sanitise untrusted input first) to a PNG `width` pixels wide, height to scale. With
 * `fonts`, text is set in those alone (bundled fonts, the same on every host) in `fontFamily` by default.
 */
export async function svgToPng(
  svg: string,
  options: { width?: number; fonts?: readonly Uint8Array[]; fontFamily?: string } = {},
): Promise<Uint8Array> {
  const width = options.width ?? 512;
  if (!Number.isInteger(width) || width < 1 || width > MAX_WIDTH) {
    throw new MicrocredError(ErrorCode.RANGE_ERROR, `PNG width must be an integer from 1 to ${MAX_WIDTH}`);
  }
  ready ??= loadRenderer();
  const hostFonts = await ready;
  const fontBuffers = options.fonts === undefined ? hostFonts : [...options.fonts];
  const font = {
    fontBuffers,
    ...(options.fontFamily === undefined ? {} : { defaultFontFamily: options.fontFamily }),
  };

  let renderer: InstanceType<typeof Resvg>;
  try {
    renderer = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font });
  } catch (cause) {
    throw new MicrocredError(ErrorCode.PARSING_ERROR, 'The SVG image cannot be parsed', { cause });
  }
  try {
    const image = renderer.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    renderer.free();
  }
}
