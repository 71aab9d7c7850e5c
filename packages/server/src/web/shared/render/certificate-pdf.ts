import { ErrorCode, MicrocredError } from '@microcred/vc';
import { PageSizes, PDFDocument, type PDFFont, type PDFImage, rgb, StandardFonts } from 'pdf-lib';

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
  labels: { certifies: string; issuedOn: string; expiresOn: string; verifyAt: string; issuedBy: string };
}

const [PAGE_HEIGHT, PAGE_WIDTH] = PageSizes.A4;
const MARGIN = 72;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const QR_SIZE = 96;
const BADGE_SIZE = 72;
const LOGO_HEIGHT = 36;
const LOGO_MAX_WIDTH = 144;
const INK = rgb(0.13, 0.13, 0.13);
const MUTED = rgb(0.4, 0.4, 0.4);
const ACCENT = rgb(0.12, 0.29, 0.49);

/** The issuer's colour for the PDF (the default accent when it has none). */
function accentOf(brandColor: string | null | undefined) {
  const hex = /^#([0-9a-f]{6})$/i.exec(brandColor ?? '')?.[1];
  if (hex === undefined) return ACCENT;
  const channel = (offset: number) => Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return rgb(channel(0), channel(2), channel(4));
}

/** Latin letters whose stroke is not a combining mark, so NFKD leaves them as they are. */
const STROKED_LETTERS: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i' };

/**
 * The standard PDF fonts only cover WinAnsi. Rather than embed a large Unicode font, characters outside
 * it fall back to their unaccented form (ő → o) or, failing that, '?'.
 */
function toFontText(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  const encodable = (chars: string) => [...chars].every((char) => supported.has(char.codePointAt(0) ?? -1));
  return Array.from(text.normalize('NFC').replace(/\s+/g, ' ').trim(), (char) => {
    if (encodable(char)) return char;
    const base = STROKED_LETTERS[char] ?? char.normalize('NFKD').replace(/\p{M}/gu, '');
    // A combining mark left over after NFC strips to nothing and is dropped.
    return encodable(base) ? base : '?';
  }).join('');
}

interface TextBlock {
  lines: string[];
  size: number;
}

function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    // A single word wider than the page (a long URL, a name without spaces) is broken anywhere.
    for (const char of word) {
      if (line && !fits(line + char)) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Shrinks text to fit one line; below `minSize` wraps it instead, cutting what exceeds `maxLines`. */
function fitText(
  text: string,
  font: PDFFont,
  opts: { maxSize: number; minSize: number; maxWidth: number; maxLines: number },
): TextBlock {
  const clean = toFontText(text, font);
  for (let size = opts.maxSize; size > opts.minSize; size--) {
    if (font.widthOfTextAtSize(clean, size) <= opts.maxWidth) return { lines: [clean], size };
  }
  const size = opts.minSize;
  const lines = wrap(clean, font, size, opts.maxWidth);
  if (lines.length <= opts.maxLines) return { lines, size };
  const kept = lines.slice(0, opts.maxLines);
  let last = kept.pop() ?? '';
  while (last && font.widthOfTextAtSize(`${last}…`, size) > opts.maxWidth) last = last.slice(0, -1);
  return { lines: [...kept, `${last.trimEnd()}…`], size };
}

async function embedPng(pdf: PDFDocument, png: Uint8Array, what: string): Promise<PDFImage> {
  try {
    return await pdf.embedPng(png);
  } catch (cause) {
    throw new MicrocredError(ErrorCode.PARSING_ERROR, `The ${what} is not a usable PNG image`, { cause });
  }
}

/** Renders a printable landscape A4 certificate for one credential, verifiable through its QR code. */
export async function renderCertificatePdf(input: CertificateInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(input.title);
  pdf.setSubject(input.achievementName);
  pdf.setAuthor(input.issuerName);
  pdf.setCreator('microcred');
  pdf.setProducer('microcred');

  const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const accent = accentOf(input.brandColor);

  page.drawRectangle({
    x: 36,
    y: 36,
    width: PAGE_WIDTH - 72,
    height: PAGE_HEIGHT - 72,
    borderColor: accent,
    borderWidth: 2,
  });

  // The upper part flows top-down; the footer (issuer, dates, QR) is pinned above the bottom margin.
  let y = PAGE_HEIGHT - 64;
  const drawCentered = (block: TextBlock, font: PDFFont, color = INK, gapAfter = 0) => {
    for (const line of block.lines) {
      y -= block.size * 1.2;
      const width = font.widthOfTextAtSize(line, block.size);
      page.drawText(line, { x: (PAGE_WIDTH - width) / 2, y, size: block.size, font, color });
    }
    y -= gapAfter;
  };

  if (input.badgePng) {
    const badge = await embedPng(pdf, input.badgePng, 'badge image');
    const { width, height } = badge.scaleToFit(BADGE_SIZE, BADGE_SIZE);
    y -= height;
    page.drawImage(badge, { x: (PAGE_WIDTH - width) / 2, y, width, height });
    y -= 14;
  }
  const line = { maxWidth: CONTENT_WIDTH, maxLines: 2 };
  drawCentered(fitText(input.title, bold, { ...line, maxSize: 26, minSize: 16 }), bold, accent, 12);
  if (input.recipientName !== null) {
    drawCentered(
      fitText(input.labels.certifies, regular, { ...line, maxSize: 13, minSize: 10 }),
      regular,
      MUTED,
      4,
    );
    drawCentered(fitText(input.recipientName, bold, { ...line, maxSize: 28, minSize: 16 }), bold, INK, 12);
  }
  drawCentered(fitText(input.achievementName, bold, { ...line, maxSize: 34, minSize: 18 }), bold, INK, 10);
  if (input.description) {
    const description = fitText(input.description, regular, {
      ...line,
      maxLines: 3,
      maxSize: 11,
      minSize: 11,
    });
    drawCentered(description, regular, MUTED);
  }

  const footer = [
    { text: `${input.labels.issuedBy} ${input.issuerName}`, font: bold },
    { text: `${input.labels.issuedOn} ${input.issuedAt}`, font: regular },
    ...(input.expiresAt ? [{ text: `${input.labels.expiresOn} ${input.expiresAt}`, font: regular }] : []),
  ];
  const footerWidth = CONTENT_WIDTH - QR_SIZE - 24;
  footer.forEach(({ text, font }, index) => {
    const block = fitText(text, font, { maxWidth: footerWidth, maxLines: 1, maxSize: 12, minSize: 8 });
    const baseline = MARGIN + 4 + (footer.length - 1 - index) * 17;
    page.drawText(block.lines.join(' '), { x: MARGIN, y: baseline, size: block.size, font, color: INK });
  });

  const logo = input.logoPng ? await pdf.embedPng(input.logoPng).catch(() => null) : null;
  if (logo !== null) {
    const { width, height } = logo.scaleToFit(LOGO_MAX_WIDTH, LOGO_HEIGHT);
    const above = MARGIN + 4 + footer.length * 17;
    page.drawImage(logo, { x: MARGIN, y: above, width, height });
  }

  const qr = await embedPng(pdf, input.qrPng, 'QR code');
  const qrX = PAGE_WIDTH - MARGIN - QR_SIZE;
  page.drawImage(qr, { x: qrX, y: MARGIN, width: QR_SIZE, height: QR_SIZE });
  const verify = fitText(`${input.labels.verifyAt} ${input.pageUrl}`, regular, {
    maxWidth: CONTENT_WIDTH / 2,
    maxLines: 2,
    maxSize: 8,
    minSize: 6,
  });
  verify.lines.forEach((text, index) => {
    const width = regular.widthOfTextAtSize(text, verify.size);
    const baseline = MARGIN - 10 - index * verify.size * 1.2;
    page.drawText(text, {
      x: qrX + QR_SIZE - width,
      y: baseline,
      size: verify.size,
      font: regular,
      color: MUTED,
    });
  });

  return pdf.save();
}
