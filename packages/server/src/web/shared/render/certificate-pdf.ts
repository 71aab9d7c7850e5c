import { ErrorCode, MicrocredError } from '@microcred/vc';
import fontkit from '@pdf-lib/fontkit';
import {
  type Color,
  PageSizes,
  PDFDocument,
  type PDFFont,
  type PDFImage,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setLineWidth,
  setStrokingColor,
  setTextRenderingMode,
  TextRenderingMode,
} from 'pdf-lib';
import { type FontWeight, fontsFor, splitIntoRuns, THIN_FONT_STROKE } from './bundled-fonts.js';
import { PdfStructure, type StructureElement } from './pdf-structure.js';
import { wrapWords } from './wrap-words.js';

export interface CertificateInput {
  title: string;
  achievementName: string;
  recipientName: string | null;
  issuerName: string;
  description: string | null;
  /** Already formatted for the reader's locale. */
  issuedAt: string;
  expiresAt: string | null;
  pageUrl: string;
  qrPng: Uint8Array;
  badgePng?: Uint8Array | null;
  /** The issuer's logo, drawn above the footer; left out when it is not a PNG pdf-lib can read. */
  logoPng?: Uint8Array | null;
  /** The issuer's `#rrggbb` for the frame and the title; the default accent when absent. */
  brandColor?: string | null;
  /** The document's language (BCP 47), which the labels are written in. */
  language: string;
  /**
   * A credential no longer in force (revoked, suspended, expired): a printed copy must not pass for a
   * valid one, so the state is stamped across the page and said, with its date and reason, at the top.
   */
  state?: { readonly stamp: string; readonly detail: string } | null;
  labels: {
    /** The sentence is `{certifies} {recipient} {hasEarned} {achievement}`. */
    certifies: string;
    hasEarned: string;
    issuedOn: string;
    expiresOn: string;
    verifyAt: string;
    issuedBy: string;
    /** The QR code's alternative text. */
    qrAlt: string;
  };
}

const [PAGE_HEIGHT, PAGE_WIDTH] = PageSizes.A4;
const MARGIN = 72;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const QR_SIZE = 96;
const BADGE_SIZE = 72;
const LOGO_HEIGHT = 36;
const LOGO_MAX_WIDTH = 144;
const INK = rgb(0.13, 0.13, 0.13);
// The state of a credential no longer in force: the red of the pages' revoked label.
const STATE_RED = rgb(0.7, 0.1, 0.1);
const MUTED = rgb(0.4, 0.4, 0.4);
const ACCENT = rgb(0.12, 0.29, 0.49);

/** The issuer's colour for the PDF (the default accent when it has none). */
function accentOf(brandColor: string | null | undefined) {
  const hex = /^#([0-9a-f]{6})$/i.exec(brandColor ?? '')?.[1];
  if (hex === undefined) return ACCENT;
  const channel = (offset: number) => Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return rgb(channel(0), channel(2), channel(4));
}

interface Face {
  readonly font: PDFFont;
  readonly thin: boolean;
  readonly covers: (codePoint: number) => boolean;
}

/** The fonts of one weight: text is cut into runs, each drawn in the first face that covers it. */
interface Faces {
  readonly weight: FontWeight;
  readonly list: readonly Face[];
}

function widthOf(text: string, faces: Faces, size: number): number {
  return splitIntoRuns(text, faces.list).reduce(
    (sum, run) => sum + run.font.font.widthOfTextAtSize(run.text, size),
    0,
  );
}

function drawRuns(
  page: PDFPage,
  text: string,
  faces: Faces,
  at: { x: number; y: number; size: number; color: Color },
): void {
  let x = at.x;
  for (const run of splitIntoRuns(text, faces.list)) {
    const { font, thin } = run.font;
    if (thin) {
      page.pushOperators(
        pushGraphicsState(),
        setTextRenderingMode(TextRenderingMode.FillAndOutline),
        setLineWidth(at.size * THIN_FONT_STROKE[faces.weight]),
        setStrokingColor(at.color),
      );
    }
    page.drawText(run.text, { x, y: at.y, size: at.size, font, color: at.color });
    if (thin) page.pushOperators(popGraphicsState());
    x += font.widthOfTextAtSize(run.text, at.size);
  }
}

const cleanText = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

interface TextBlock {
  lines: string[];
  size: number;
}

function wrap(text: string, faces: Faces, size: number, maxWidth: number): string[] {
  return wrapWords(text, (line) => widthOf(line, faces, size) <= maxWidth);
}

/** Shrinks text to fit one line; below `minSize` wraps it instead, cutting what exceeds `maxLines`. */
function fitText(
  text: string,
  faces: Faces,
  opts: { maxSize: number; minSize: number; maxWidth: number; maxLines: number },
): TextBlock {
  const clean = cleanText(text);
  for (let size = opts.maxSize; size > opts.minSize; size--) {
    if (widthOf(clean, faces, size) <= opts.maxWidth) return { lines: [clean], size };
  }
  const size = opts.minSize;
  const lines = wrap(clean, faces, size, opts.maxWidth);
  if (lines.length <= opts.maxLines) return { lines, size };
  const kept = lines.slice(0, opts.maxLines);
  let last = kept.pop() ?? '';
  while (last && widthOf(`${last}…`, faces, size) > opts.maxWidth) last = last.slice(0, -1);
  return { lines: [...kept, `${last.trimEnd()}…`], size };
}

/** Embeds, subsetted, the bundled fonts the texts need; a slice shared by both weights is embedded once. */
async function embedFaces(
  pdf: PDFDocument,
  texts: Record<FontWeight, string>,
): Promise<Record<FontWeight, Faces>> {
  pdf.registerFontkit(fontkit);
  const embedded = new Map<string, Promise<PDFFont>>();
  const facesOf = async (weight: FontWeight): Promise<Faces> => {
    const fonts = await fontsFor(texts[weight], weight);
    const list = await Promise.all(
      fonts.map(async (bundled) => {
        let font = embedded.get(bundled.key);
        if (font === undefined) {
          font = pdf.embedFont(bundled.bytes, { subset: true });
          embedded.set(bundled.key, font);
        }
        return { font: await font, thin: bundled.thin, covers: bundled.covers };
      }),
    );
    return { weight, list };
  };
  return { 400: await facesOf(400), 700: await facesOf(700) };
}

async function embedPng(pdf: PDFDocument, png: Uint8Array, what: string): Promise<PDFImage> {
  try {
    return await pdf.embedPng(png);
  } catch (cause) {
    throw new MicrocredError(ErrorCode.PARSING_ERROR, `The ${what} is not a usable PNG image`, { cause });
  }
}

/**
 * Renders a printable landscape A4 certificate for one credential, verifiable through its QR code. The
 * text is in embedded, subsetted Noto Sans (Latin, Greek, Cyrillic) and Noto Sans SC (Han, kana), so
 * every name prints and copies as written; the PDF is tagged: see PdfStructure for what is marked.
 */
export async function renderCertificatePdf(input: CertificateInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(input.title, { showInWindowTitleBar: true });
  pdf.setSubject(input.achievementName);
  pdf.setAuthor(input.issuerName);
  pdf.setCreator('microcred');
  pdf.setProducer('microcred');

  const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  const structure = new PdfStructure(pdf, page);
  const { labels } = input;
  const issuedBy = `${labels.issuedBy} ${input.issuerName}`;
  const issuedOn = `${labels.issuedOn} ${input.issuedAt}`;
  const expiresOn = input.expiresAt === null ? null : `${labels.expiresOn} ${input.expiresAt}`;
  const verifyAt = `${labels.verifyAt} ${input.pageUrl}`;
  const { 400: regular, 700: bold } = await embedFaces(pdf, {
    400: [
      labels.certifies,
      labels.hasEarned,
      input.description ?? '',
      issuedOn,
      expiresOn ?? '',
      verifyAt,
    ].join(''),
    700: [
      input.title,
      input.recipientName ?? '',
      input.achievementName,
      issuedBy,
      input.state ? `${input.state.stamp} — ${input.state.detail}` : '',
    ].join(''),
  });
  const accent = accentOf(input.brandColor);
  const state = input.state ?? null;

  structure.artifact(() =>
    page.drawRectangle({
      x: 36,
      y: 36,
      width: PAGE_WIDTH - 72,
      height: PAGE_HEIGHT - 72,
      borderColor: accent,
      borderWidth: 2,
    }),
  );

  // The upper part flows top-down; the footer (issuer, dates, QR) is pinned above the bottom margin.
  let y = PAGE_HEIGHT - 64;
  if (state !== null) {
    const stamp = fitText(`${state.stamp} — ${state.detail}`, bold, {
      maxWidth: CONTENT_WIDTH,
      maxLines: 2,
      maxSize: 14,
      minSize: 9,
    });
    for (const text of stamp.lines) {
      y -= stamp.size * 1.3;
      const x = (PAGE_WIDTH - widthOf(text, bold, stamp.size)) / 2;
      structure.content(structure.element('P'), () =>
        drawRuns(page, text, bold, { x, y, size: stamp.size, color: STATE_RED }),
      );
    }
    y -= 8;
  }
  const drawCentered = (
    element: StructureElement,
    block: TextBlock,
    faces: Faces,
    color = INK,
    gapAfter = 0,
  ) => {
    for (const line of block.lines) {
      y -= block.size * 1.2;
      const x = (PAGE_WIDTH - widthOf(line, faces, block.size)) / 2;
      structure.content(element, () => drawRuns(page, line, faces, { x, y, size: block.size, color }));
    }
    y -= gapAfter;
  };

  if (input.badgePng) {
    const badge = await embedPng(pdf, input.badgePng, 'badge image');
    const { width, height } = badge.scaleToFit(BADGE_SIZE, BADGE_SIZE);
    y -= height;
    // The badge repeats the achievement named in the text below it.
    structure.artifact(() => page.drawImage(badge, { x: (PAGE_WIDTH - width) / 2, y, width, height }));
    y -= 14;
  }
  const line = { maxWidth: CONTENT_WIDTH, maxLines: 2 };
  const heading = structure.element('H1');
  drawCentered(heading, fitText(input.title, bold, { ...line, maxSize: 26, minSize: 16 }), bold, accent, 12);
  // One paragraph, so the sentence reads as one: "This certifies that {name} has earned {achievement}".
  const sentence = structure.element('P');
  if (input.recipientName !== null) {
    const lead = { ...line, maxSize: 13, minSize: 10 };
    drawCentered(sentence, fitText(labels.certifies, regular, lead), regular, MUTED, 4);
    drawCentered(
      sentence,
      fitText(input.recipientName, bold, { ...line, maxSize: 28, minSize: 16 }),
      bold,
      INK,
      6,
    );
    drawCentered(sentence, fitText(labels.hasEarned, regular, lead), regular, MUTED, 4);
  }
  drawCentered(
    sentence,
    fitText(input.achievementName, bold, { ...line, maxSize: 34, minSize: 18 }),
    bold,
    INK,
    10,
  );
  if (input.description) {
    const description = fitText(input.description, regular, {
      ...line,
      maxLines: 3,
      maxSize: 11,
      minSize: 11,
    });
    drawCentered(structure.element('P'), description, regular, MUTED);
  }

  const footer = [
    { text: issuedBy, faces: bold },
    { text: issuedOn, faces: regular },
    ...(expiresOn === null ? [] : [{ text: expiresOn, faces: regular }]),
  ];
  const footerWidth = CONTENT_WIDTH - QR_SIZE - 24;
  footer.forEach(({ text, faces }, index) => {
    const block = fitText(text, faces, { maxWidth: footerWidth, maxLines: 1, maxSize: 12, minSize: 8 });
    const baseline = MARGIN + 4 + (footer.length - 1 - index) * 17;
    structure.content(structure.element('P'), () =>
      drawRuns(page, block.lines.join(' '), faces, { x: MARGIN, y: baseline, size: block.size, color: INK }),
    );
  });

  const logo = input.logoPng ? await pdf.embedPng(input.logoPng).catch(() => null) : null;
  if (logo !== null) {
    const { width, height } = logo.scaleToFit(LOGO_MAX_WIDTH, LOGO_HEIGHT);
    const above = MARGIN + 4 + footer.length * 17;
    // The issuer is named in the footer text.
    structure.artifact(() => page.drawImage(logo, { x: MARGIN, y: above, width, height }));
  }

  const qr = await embedPng(pdf, input.qrPng, 'QR code');
  const qrX = PAGE_WIDTH - MARGIN - QR_SIZE;
  structure.content(structure.element('Figure', { alt: labels.qrAlt }), () =>
    page.drawImage(qr, { x: qrX, y: MARGIN, width: QR_SIZE, height: QR_SIZE }),
  );
  const verify = fitText(verifyAt, regular, {
    maxWidth: CONTENT_WIDTH / 2,
    maxLines: 2,
    maxSize: 8,
    minSize: 6,
  });
  const verifyElement = structure.element('P');
  verify.lines.forEach((text, index) => {
    const x = qrX + QR_SIZE - widthOf(text, regular, verify.size);
    const baseline = MARGIN - 10 - index * verify.size * 1.2;
    structure.content(verifyElement, () =>
      drawRuns(page, text, regular, { x, y: baseline, size: verify.size, color: MUTED }),
    );
  });

  structure.finish({ language: input.language });
  return pdf.save();
}
