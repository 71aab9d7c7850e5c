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

// The properties whose values must come from the type, spacing and radius scales.
const SCALED =
  /^(font-size|line-height|margin(-[a-z]+)?|padding(-[a-z]+)?|gap|row-gap|column-gap|border(-[a-z]+)*-radius)$/;
// A token, nothing (0), the browser's choice or the parent's, or a share of the container.
const NOT_A_SIZE = /^(var\(--[a-z0-9-]+\)|0|auto|inherit|\d+(\.\d+)?%)$/;

/** The literal sizes a rule may keep, each with why; anything else found is a size missing from the scales. */
const SIZE_EXCEPTIONS: readonly {
  readonly matches: (selector: string, property: string, part: string) => boolean;
  readonly why: string;
}[] = [
  {
    matches: (selector, property, part) =>
      selector === '.chart-label' && property === 'font-size' && part === '13px',
    why: "an SVG chart's text is in the drawing's own units, laid out by the chart for that size",
  },
];

interface Declaration {
  readonly selector: string;
  readonly property: string;
  readonly value: string;
}

/** Every declaration outside :root, with the selector of the rule it is in. */
function declarationsOutsideRoot(): Declaration[] {
  const rules = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/:root\s*\{[^}]*\}/, '');
  return [...rules.matchAll(/([^{};]+)\{([^{}]*)\}/g)].flatMap(([, selector, body]) =>
    (body ?? '').split(';').flatMap((declaration) => {
      const colon = declaration.indexOf(':');
      if (colon < 0) return [];
      return [
        {
          selector: (selector ?? '').trim().replace(/\s+/g, ' '),
          property: declaration.slice(0, colon).trim(),
          value: declaration.slice(colon + 1).trim(),
        },
      ];
    }),
  );
}

/** A value's space-separated parts, a function call (`var(…)`, `clamp(…)`) kept whole. */
function valueParts(value: string): string[] {
  return value.match(/[a-z-]+\([^()]*(\([^()]*\)[^()]*)*\)|[^\s()]+/gi) ?? [];
}

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

  it('are the only sizes: no rule outside :root sets a type size, line height, space or radius of its own', () => {
    const literals = declarationsOutsideRoot()
      .filter(({ property }) => SCALED.test(property))
      .flatMap(({ selector, property, value }) =>
        valueParts(value)
          .filter((part) => !NOT_A_SIZE.test(part))
          .filter((part) => !SIZE_EXCEPTIONS.some((allowed) => allowed.matches(selector, property, part)))
          .map((part) => `${selector} { ${property}: ${part} }`),
      );
    expect(literals).toEqual([]);
  });

  it('define every custom property a rule reads', () => {
    const defined = new Set([...css.matchAll(/(--[a-z0-9-]+)\s*:/gi)].map(([, name]) => name));
    const read = new Set([...css.matchAll(/var\(\s*(--[a-z0-9-]+)/gi)].map(([, name]) => name));
    expect([...read].filter((name) => !defined.has(name))).toEqual([]);
  });

  it('are the only colours: no rule outside :root names a colour of its own', () => {
    const rules = css.replace(/:root\s*\{[^}]*\}/, '');
    expect(rules.match(/#[0-9a-f]{3,8}\b/gi) ?? []).toEqual([]);
  });
});
