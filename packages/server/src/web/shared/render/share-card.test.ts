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
