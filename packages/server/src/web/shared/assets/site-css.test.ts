import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./site.css', import.meta.url), 'utf8');
const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
const tokens = new Map(
  [...root.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map(([, name, value]) => [name, value]),
);

/** WCAG 2.2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(foreground: string, background: string): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

// Every text colour on every background the stylesheet puts it on.
const TEXT_ON_BACKGROUND = [
  ['ink', 'paper'],
  ['ink', 'wash'],
  ['muted', 'paper'],
  ['muted', 'wash'],
  ['accent', 'paper'],
  ['accent', 'wash'],
  ['accent-ink', 'accent'],
  ['ink', 'ok-wash'],
  ['ink', 'warn-wash'],
  ['ok', 'paper'],
  ['ok', 'ok-wash'],
  ['bad', 'paper'],
  ['bad', 'bad-wash'],
  ['warn', 'paper'],
  ['warn', 'warn-wash'],
] as const;

describe('the design tokens of site.css', () => {
  it.each(TEXT_ON_BACKGROUND)(
    'give --%s on --%s at least the AA contrast for text (4.5:1)',
    (text, background) => {
      const foreground = tokens.get(text);
      const behind = tokens.get(background);
      expect(foreground, `--${text}`).toBeDefined();
      expect(behind, `--${background}`).toBeDefined();
      expect(contrast(foreground ?? '', behind ?? '')).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('close every block they open (a lost brace swallows every rule after it)', () => {
    let depth = 0;
    for (const character of css.replace(/\/\*[\s\S]*?\*\//g, '')) {
      if (character === '{') depth++;
      if (character === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it('are the only colours: no rule outside :root names a colour of its own', () => {
    const rules = css.replace(/:root\s*\{[^}]*\}/, '');
    expect(rules.match(/#[0-9a-f]{3,8}\b/gi) ?? []).toEqual([]);
  });
});
