import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { sanitizeSvg } from '../image/sanitize-svg.js';
import { BADGE_SHAPES, designBadge } from './design-badge.js';

const DESIGN = {
  shape: 'shield',
  background: '#1D4ED8',
  foreground: '#ffffff',
  initials: 'sql',
  title: 'SQL for Analysts',
} as const;

describe('designBadge', () => {
  it('draws the chosen shape in the background colour with the initials upper-cased in the text colour', () => {
    const svg = designBadge(DESIGN);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="256" height="256"/);
    expect(svg).toContain('<title>SQL for Analysts</title>');
    expect(svg).toMatch(/<path d="M128 8 [^"]+" fill="#1d4ed8"\/>/);
    expect(svg).toMatch(/fill="#ffffff" text-anchor="middle">SQL<\/text>/);
  });

  it('gives every shape its own outline', () => {
    const outlines = BADGE_SHAPES.map((shape) => designBadge({ ...DESIGN, shape }));
    expect(new Set(outlines).size).toBe(BADGE_SHAPES.length);
    expect(outlines[0]).toContain('<circle ');
    expect(outlines[2]).toContain('<polygon ');
    expect(outlines[3]).toContain('<rect ');
  });

  it('is deterministic', () => {
    expect(designBadge(DESIGN)).toBe(designBadge({ ...DESIGN }));
  });

  it('shrinks the letters as there are more of them', () => {
    const size = (initials: string) => /font-size="(\d+)"/.exec(designBadge({ ...DESIGN, initials }))?.[1];
    expect(Number(size('A'))).toBeGreaterThan(Number(size('AB')));
    expect(Number(size('AB'))).toBeGreaterThan(Number(size('ABC')));
  });

  it('escapes the title, so a name cannot add markup', () => {
    const svg = designBadge({ ...DESIGN, title: '</title><script>alert(1)</script> & "more"' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;/title&#62;&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;more&#34;');
  });

  it('keeps letters of any script, and survives the upload sanitiser unchanged in substance', () => {
    const svg = designBadge({ ...DESIGN, shape: 'hexagon', initials: 'éÅ9' });
    expect(svg).toContain('>ÉÅ9</text>');
    const clean = sanitizeSvg(svg);
    expect(clean).toContain('<polygon points="128,8 232,68 232,188 128,248 24,188 24,68" fill="#1d4ed8">');
    expect(clean).toContain('ÉÅ9</text>');
  });

  it.each([
    ['initials', { initials: '' }],
    ['initials', { initials: 'ABCD' }],
    ['initials', { initials: '<b>' }],
    ['background', { background: 'red' }],
    ['foreground', { foreground: '#fff;x' }],
    ['shape', { shape: 'star' }],
  ])('refuses a bad %s, naming it', (field, change) => {
    let thrown: unknown;
    try {
      designBadge({ ...DESIGN, ...change } as Parameters<typeof designBadge>[0]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ZodError);
    expect((thrown as ZodError).issues[0]?.path).toEqual([field]);
  });
});
