/** Escapes text for XML content and attribute values. */
function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function initials(name: string): string {
  const words = name.split(/\s+/).filter((word) => /\p{L}|\p{N}/u.test(word));
  return words
    .slice(0, 3)
    .map((word) => [...word][0]?.toUpperCase() ?? '')
    .join('');
}

// A small palette with enough contrast for white text (WCAG AA at this size).
const PALETTES = ['#1d4ed8', '#047857', '#7c3aed', '#b45309', '#be123c', '#0f766e', '#4338ca', '#374151'];

function hashOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash;
}

/**
 * The badge image used when an issuer uploads none: a hexagon in a colour derived from the name, with
 * the name's initials. Deterministic, so the same achievement always gets the same image.
 */
export function defaultBadgeSvg(options: { name: string; issuerName: string }): string {
  const colour = PALETTES[hashOf(options.name) % PALETTES.length] ?? '#1d4ed8';
  const label = escapeXml(initials(options.name) || '★');
  const title = escapeXml(`${options.name} — ${options.issuerName}`);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" role="img">',
    `<title>${title}</title>`,
    `<polygon points="128,8 232,68 232,188 128,248 24,188 24,68" fill="${colour}"/>`,
    '<polygon points="128,30 213,79 213,177 128,226 43,177 43,79" fill="none" stroke="#ffffff" stroke-width="6" opacity="0.85"/>',
    `<text x="128" y="146" font-family="Helvetica, Arial, sans-serif" font-size="64" font-weight="700" fill="#ffffff" text-anchor="middle">${label}</text>`,
    '</svg>',
  ].join('');
}
