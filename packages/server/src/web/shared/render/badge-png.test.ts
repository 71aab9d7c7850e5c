import { existsSync } from 'node:fs';
import { ErrorCode } from '@microcred/vc';
import { describe, expect, it } from 'vitest';
import { svgToPng } from './badge-png.js';

const DEJAVU_SANS = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which always directly follows the signature. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(new TextDecoder().decode(png.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const BADGE =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">' +
  '<defs><linearGradient id="g"><stop offset="0" stop-color="#1f4a7d"/><stop offset="1" stop-color="#4a9"/></linearGradient></defs>' +
  '<rect width="200" height="100" fill="url(#g)"/></svg>';

describe('svgToPng', () => {
  it('renders a PNG 512 pixels wide by default, keeping the aspect ratio', async () => {
    const png = await svgToPng(BADGE);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: 512, height: 256 });
  });

  it('renders at the requested width', async () => {
    expect(pngSize(await svgToPng(BADGE, { width: 120 }))).toEqual({ width: 120, height: 60 });
  });

  it.skipIf(!existsSync(DEJAVU_SANS))('renders text with a system font', async () => {
    const text = (content: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text x="5" y="30" font-size="24" font-family="Open Sans">${content}</text></svg>`;
    const [blank, written] = await Promise.all([
      svgToPng(text(''), { width: 100 }),
      svgToPng(text('Zoë'), { width: 100 }),
    ]);
    expect(pngSize(written)).toEqual({ width: 100, height: 40 });
    expect(written).not.toEqual(blank);
  });

  it.each([0, -1, 1.5, 10_000])('refuses width %d', async (width) => {
    await expect(svgToPng(BADGE, { width })).rejects.toMatchObject({ code: ErrorCode.RANGE_ERROR });
  });

  it('reports input that is not SVG as a parsing error', async () => {
    await expect(svgToPng('definitely not svg')).rejects.toMatchObject({ code: ErrorCode.PARSING_ERROR });
  });
});
