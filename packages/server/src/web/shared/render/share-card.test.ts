import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import { describe, expect, it } from 'vitest';
import { pngSize } from './png-size.test-support.js';
import { renderShareCard, SHARE_CARD_HEIGHT, SHARE_CARD_WIDTH, shareCardSvg } from './share-card.js';

const input = {
  kicker: 'Digital credential',
  title: 'SQL for Analysts',
  subtitle: 'Earned by Ada Łovelace-Ñúñez 李',
  footer: 'Issued by Example University',
  brandColor: '#8a1538',
};

describe('renderShareCard', () => {
  it('is a PNG of exactly 1200×630', async () => {
    expect(pngSize(await renderShareCard(input))).toEqual({
      width: SHARE_CARD_WIDTH,
      height: SHARE_CARD_HEIGHT,
    });
  });

  it('keeps the size whatever the length of the names', async () => {
    const long = await renderShareCard({
      ...input,
      title: 'Interdisciplinary Methods '.repeat(20),
      subtitle: null,
    });
    expect(pngSize(long)).toEqual({ width: 1200, height: 630 });
  });

  it('draws the text: a card with a title differs from one without', async () => {
    const [withTitle, blank] = await Promise.all([
      renderShareCard(input),
      renderShareCard({ ...input, title: '' }),
    ]);
    expect(Buffer.from(withTitle).equals(Buffer.from(blank))).toBe(false);
  });
});

describe('renderShareCard with a photo', () => {
  it('draws the photo round at the top right, beside a title that wraps short of it', async () => {
    const side = 64;
    const green = new Uint8Array(side * side * 4).map((_, index) => [20, 160, 60, 255][index % 4] ?? 0);
    const photo = new Uint8Array(jpeg.encode({ data: green, width: side, height: side }, 90).data);
    const card = pngjs.PNG.sync.read(
      Buffer.from(await renderShareCard({ ...input, title: 'Interdisciplinary Methods '.repeat(4), photo })),
    );
    const pixel = (x: number, y: number) => [
      ...card.data.subarray((y * card.width + x) * 4, (y * card.width + x) * 4 + 3),
    ];
    const [r = 0, g = 0, b = 0] = pixel(1004, 196);
    expect(g).toBeGreaterThan(130);
    expect(r).toBeLessThan(60);
    expect(b).toBeLessThan(90);
    // Outside the circle, at the square's corner, the card's white shows.
    expect(pixel(906, 98)).toEqual([255, 255, 255]);
    // No line of text runs into the gutter left of the photo, all the way down to the footer's rule.
    const gutter = Array.from({ length: 40 * 380 }, (_, index) =>
      pixel(862 + (index % 40), 100 + Math.floor(index / 40)),
    );
    expect(gutter.every((rgb) => rgb.every((value) => value === 255))).toBe(true);
  });
});

describe('shareCardSvg', () => {
  it('sets every name in bundled fonts, escaped, with the issuer colour', async () => {
    const { svg, fonts } = await shareCardSvg({ ...input, title: 'R&D <Basics>' });
    expect(svg).toContain('R&#38;D &#60;Basics&#62;');
    // Runs in different fonts are separate tspans; the text between the tags reads as written.
    expect(svg.replace(/<[^>]+>/g, '')).toContain('Earned by Ada Łovelace-Ñúñez 李');
    expect(svg).toContain('fill="#8a1538"');
    // Basic Latin, Latin Extended (Ł) and the CJK slice with 李, at least.
    expect(fonts.length).toBeGreaterThanOrEqual(3);
  });

  it('falls back to the default accent for a colour that is not #rrggbb', async () => {
    const { svg } = await shareCardSvg({ ...input, brandColor: 'red"/><script>' });
    expect(svg).not.toContain('script');
    expect(svg).toContain('fill="#1f4a7d"');
  });
});
