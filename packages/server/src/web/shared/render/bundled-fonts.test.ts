import { describe, expect, it } from 'vitest';
import { fontsFor, splitIntoRuns } from './bundled-fonts.js';

describe('fontsFor', () => {
  it('loads only the slices the text needs, basic Latin first', async () => {
    const latin = await fontsFor('Ada Lovelace', 400);
    expect(latin.map((font) => font.key)).toEqual(['noto-sans-latin-400']);
    const mixed = await fontsFor('Ada Łovelace Σωκράτης Анна 李', 700);
    expect(mixed.map((font) => font.key)).toEqual([
      'noto-sans-latin-700',
      'noto-sans-latin-ext-700',
      'noto-sans-greek-700',
      'noto-sans-cyrillic-700',
      expect.stringMatching(/^noto-sans-sc-\d+$/),
    ]);
    // TrueType outlines (0x00010000), decoded from the packages' WOFF2.
    for (const font of mixed) expect([...font.bytes.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
    expect(mixed.map((font) => font.thin)).toEqual([false, false, false, false, true]);
  });
});

describe('splitIntoRuns', () => {
  it('cuts text where the covering font changes, keeping spaces in the run before them', async () => {
    const fonts = await fontsFor('Ada Łovelace-Ñúñez 李', 400);
    const runs = splitIntoRuns('Ada Łovelace-Ñúñez 李', fonts).map((run) => [run.text, run.font.key]);
    expect(runs).toEqual([
      ['Ada ', 'noto-sans-latin-400'],
      ['Ł', 'noto-sans-latin-ext-400'],
      ['ovelace-Ñúñez ', 'noto-sans-latin-400'],
      ['李', expect.stringMatching(/^noto-sans-sc-\d+$/)],
    ]);
    expect(runs.map(([text]) => text).join('')).toBe('Ada Łovelace-Ñúñez 李');
  });
});
