import { z } from 'zod';

export const BADGE_SHAPES = ['circle', 'shield', 'hexagon', 'rounded-square'] as const;
export type BadgeShape = (typeof BADGE_SHAPES)[number];

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

export const BadgeDesignSchema = z.strictObject({
  shape: z.enum(BADGE_SHAPES),
  background: z.string().regex(HEX_COLOUR, 'a colour as #rrggbb'),
  foreground: z.string().regex(HEX_COLOUR, 'a colour as #rrggbb'),
  initials: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}]{1,3}$/u, 'one to three letters or digits'),
  /** The image's accessible name (the achievement's name). */
  title: z.string().trim().max(200).optional(),
});
export type BadgeDesign = z.input<typeof BadgeDesignSchema>;

const OUTLINES: Record<BadgeShape, string> = {
  circle: '<circle cx="128" cy="128" r="120" fill="{fill}"/>',
  shield:
    '<path d="M128 8 L232 44 V120 C232 184 188 228 128 248 C68 228 24 184 24 120 V44 Z" fill="{fill}"/>',
  hexagon: '<polygon points="128,8 232,68 232,188 128,248 24,188 24,68" fill="{fill}"/>',
  'rounded-square': '<rect x="12" y="12" width="232" height="232" rx="40" ry="40" fill="{fill}"/>',
};

// Three letters must fit inside the narrowest shape (the shield's lower half).
const FONT_SIZES = [0, 112, 88, 68] as const;

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The badge the console's designer draws: a shape in one colour with up to three initials in another, as
 * a 256×256 SVG. Pure and deterministic, so the same choices always give the same bytes. Throws a
 * ZodError naming the field when a choice is out of range.
 */
export function designBadge(design: BadgeDesign): string {
  const { shape, background, foreground, initials, title } = BadgeDesignSchema.parse(design);
  const letters = [...initials.toUpperCase()];
  const fontSize = FONT_SIZES[letters.length as 1 | 2 | 3];
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">',
    title === undefined || title === '' ? '' : `<title>${escapeXml(title)}</title>`,
    OUTLINES[shape].replace('{fill}', background.toLowerCase()),
    `<text x="128" y="128" dy="0.35em" font-family="Helvetica, Arial, sans-serif" font-size="${fontSize}" ` +
      `font-weight="700" fill="${foreground.toLowerCase()}" text-anchor="middle">${escapeXml(letters.join(''))}</text>`,
    '</svg>',
  ].join('');
}
