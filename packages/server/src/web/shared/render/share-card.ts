import fontkit from '@pdf-lib/fontkit';
import { svgToPng } from './badge-png.js';
import {
  type BundledFont,
  type FontWeight,
  fontsFor,
  splitIntoRuns,
  THIN_FONT_STROKE,
} from './bundled-fonts.js';
import { wrapWords } from './wrap-words.js';

/** The size LinkedIn, Facebook and X show a large preview at (1.91:1). */
export const SHARE_CARD_WIDTH = 1200;
export const SHARE_CARD_HEIGHT = 630;

export interface ShareCardInput {
  /** A short line above the title: what the card is ("Digital credential", "Portfolio"). */
  readonly kicker: string;
  /** The achievement's name, or the person's. */
  readonly title: string;
  /** Who earned it, or a headline; left out when null. */
  readonly subtitle: string | null;
  /** Who issued it, or where the portfolio lives. */
  readonly footer: string;
  /** The issuer's `#rrggbb`; the default accent when absent. */
  readonly brandColor?: string | null;
  /** A portfolio's photo (a JPEG the platform encoded itself), shown round beside the title. */
  readonly photo?: Uint8Array | null;
}

const DEFAULT_ACCENT = '#1f4a7d';
const INK = '#1b1b1b';
const MUTED = '#4a4a4a';
const LEFT = 96;
const TEXT_WIDTH = SHARE_CARD_WIDTH - 2 * LEFT;
const PHOTO_SIDE = 200;
const PHOTO_TOP = 96;
// The title's lines stop short of the photo, with a gutter.
const TEXT_WIDTH_BESIDE_PHOTO = TEXT_WIDTH - PHOTO_SIDE - 48;

interface MeasuredFont extends BundledFont {
  readonly widthOf: (text: string, size: number) => number;
}

const parsed = new Map<string, ReturnType<typeof fontkit.create>>();

async function measuredFonts(text: string, weight: FontWeight): Promise<MeasuredFont[]> {
  return (await fontsFor(text, weight)).map((font) => {
    let face = parsed.get(font.key);
    if (face === undefined) {
      face = fontkit.create(font.bytes);
      parsed.set(font.key, face);
    }
    const { unitsPerEm } = face;
    const layoutFace = face;
    return { ...font, widthOf: (run, size) => (layoutFace.layout(run).advanceWidth / unitsPerEm) * size };
  });
}

const widthOf = (text: string, fonts: readonly MeasuredFont[], size: number) =>
  splitIntoRuns(text, fonts).reduce((sum, run) => sum + run.font.widthOf(run.text, size), 0);

interface Block {
  readonly lines: string[];
  readonly size: number;
}

/** The largest size from `maxSize` down at which the text fits in `maxLines`, the last line cut with … */
function fitLines(
  text: string,
  fonts: readonly MeasuredFont[],
  opts: { maxSize: number; minSize: number; maxLines: number; width?: number },
): Block {
  const clean = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const width = opts.width ?? TEXT_WIDTH;
  const wrapAt = (size: number): string[] => wrapWords(clean, (line) => widthOf(line, fonts, size) <= width);
  for (let size = opts.maxSize; size > opts.minSize; size -= 2) {
    const lines = wrapAt(size);
    if (lines.length <= opts.maxLines) return { lines, size };
  }
  const size = opts.minSize;
  const lines = wrapAt(size);
  if (lines.length <= opts.maxLines) return { lines, size };
  const kept = lines.slice(0, opts.maxLines);
  let last = kept.pop() ?? '';
  while (last && widthOf(`${last}…`, fonts, size) > width) last = [...last].slice(0, -1).join('');
  return { lines: [...kept, `${last.trimEnd()}…`], size };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.codePointAt(0)};`);
}

/** One line of text as tspans, CJK runs thickened like the PDF's. */
function textLine(
  line: string,
  fonts: readonly MeasuredFont[],
  at: { y: number; size: number; weight: FontWeight; fill: string },
): string {
  const spans = splitIntoRuns(line, fonts).map((run) => {
    const thin = run.font.thin
      ? ` stroke="${at.fill}" stroke-width="${(at.size * THIN_FONT_STROKE[at.weight]).toFixed(2)}" stroke-linejoin="round"`
      : '';
    return `<tspan font-family="${run.font.family}"${thin}>${escapeXml(run.text)}</tspan>`;
  });
  return `<text x="${LEFT}" y="${at.y.toFixed(1)}" font-size="${at.size}" font-weight="${at.weight}" fill="${at.fill}" xml:space="preserve">${spans.join('')}</text>`;
}

/** The card as SVG, text set in the bundled fonts (the ones `renderShareCard` hands to resvg). */
export async function shareCardSvg(input: ShareCardInput): Promise<{ svg: string; fonts: Uint8Array[] }> {
  const accent = /^#[0-9a-f]{6}$/i.test(input.brandColor ?? '')
    ? (input.brandColor as string)
    : DEFAULT_ACCENT;
  const regular = await measuredFonts(`${input.subtitle ?? ''}`, 400);
  const bold = await measuredFonts(`${input.kicker}${input.title}${input.footer}`, 700);

  const parts: string[] = [];
  const photo = input.photo ?? null;
  const width = photo === null ? TEXT_WIDTH : TEXT_WIDTH_BESIDE_PHOTO;
  let y = 150;
  const kicker = fitLines(input.kicker, bold, { maxSize: 30, minSize: 22, maxLines: 1, width });
  parts.push(textLine(kicker.lines[0] ?? '', bold, { y, size: kicker.size, weight: 700, fill: accent }));
  y += 24;
  const title = fitLines(input.title, bold, { maxSize: 72, minSize: 44, maxLines: 3, width });
  for (const line of title.lines) {
    y += title.size * 1.15;
    parts.push(textLine(line, bold, { y, size: title.size, weight: 700, fill: INK }));
  }
  if (input.subtitle !== null) {
    const subtitle = fitLines(input.subtitle, regular, { maxSize: 38, minSize: 28, maxLines: 2, width });
    y += 20;
    for (const line of subtitle.lines) {
      y += subtitle.size * 1.25;
      parts.push(textLine(line, regular, { y, size: subtitle.size, weight: 400, fill: MUTED }));
    }
  }
  const footer = fitLines(input.footer, bold, { maxSize: 32, minSize: 22, maxLines: 1 });
  parts.push(textLine(footer.lines[0] ?? '', bold, { y: 548, size: footer.size, weight: 700, fill: accent }));
  if (photo !== null) {
    const x = LEFT + TEXT_WIDTH - PHOTO_SIDE;
    const radius = PHOTO_SIDE / 2;
    const [cx, cy] = [x + radius, PHOTO_TOP + radius];
    parts.push(
      `<clipPath id="photo"><circle cx="${cx}" cy="${cy}" r="${radius}"/></clipPath>`,
      `<image x="${x}" y="${PHOTO_TOP}" width="${PHOTO_SIDE}" height="${PHOTO_SIDE}" clip-path="url(#photo)" xlink:href="data:image/jpeg;base64,${Buffer.from(photo).toString('base64')}"/>`,
      `<circle cx="${cx}" cy="${cy}" r="${radius}" fill="none" stroke="#e2e2e2" stroke-width="2"/>`,
    );
  }

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${SHARE_CARD_WIDTH}" height="${SHARE_CARD_HEIGHT}" viewBox="0 0 ${SHARE_CARD_WIDTH} ${SHARE_CARD_HEIGHT}">`,
    `<rect width="${SHARE_CARD_WIDTH}" height="${SHARE_CARD_HEIGHT}" fill="#ffffff"/>`,
    `<rect width="28" height="${SHARE_CARD_HEIGHT}" fill="${accent}"/>`,
    `<rect x="${LEFT}" y="488" width="${TEXT_WIDTH}" height="2" fill="#e2e2e2"/>`,
    ...parts,
    '</svg>',
  ].join('');
  const used = new Map([...regular, ...bold].map((font) => [font.key, font.bytes]));
  return { svg, fonts: [...used.values()] };
}

/** A 1200×630 PNG preview for link unfurls (Open Graph, X cards), drawn with bundled fonts only. */
export async function renderShareCard(input: ShareCardInput): Promise<Uint8Array> {
  const { svg, fonts } = await shareCardSvg(input);
  return svgToPng(svg, { width: SHARE_CARD_WIDTH, fonts, fontFamily: 'Noto Sans' });
}
