import { inflateSync } from 'node:zlib';
import { ErrorCode } from '@microcred/vc';
import { PDFArray, PDFDocument, PDFRawStream, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { svgToPng } from './badge-png.js';
import { type CertificateInput, renderCertificatePdf } from './certificate-pdf.js';
import { qrCodePng } from './qr-code.js';

const PAGE_URL = 'https://badges.example.org/credentials/0d5f7a1e-1c3b-4a8e-9f00-7d2b1c9e3a44';

let input: CertificateInput;

beforeAll(async () => {
  input = {
    title: 'Certificate of Achievement',
    achievementName: 'Research Data Management',
    recipientName: 'Ada Lovelace',
    issuerName: 'Example University',
    description: 'Plans, documents and shares research data following the FAIR principles.',
    issuedAt: '15 March 2026',
    expiresAt: null,
    pageUrl: PAGE_URL,
    qrPng: await qrCodePng(PAGE_URL, { size: 256 }),
    labels: {
      certifies: 'This certifies that',
      issuedOn: 'Issued on',
      expiresOn: 'Expires on',
      verifyAt: 'Verify at',
      issuedBy: 'Issued by',
    },
  };
});

interface DrawnText {
  text: string;
  x: number;
  size: number;
}

/** The text runs on the first page, read back from the operators pdf-lib writes for standard fonts. */
async function drawnRuns(pdf: Uint8Array): Promise<DrawnText[]> {
  const doc = await PDFDocument.load(pdf);
  const contents = doc.getPages()[0]?.node.Contents();
  const parts = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const operators = parts
    .map((part) => doc.context.lookup(part))
    .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
    .map((stream) => inflateSync(stream.contents).toString('latin1'))
    .join('\n');
  return [...operators.matchAll(/ ([\d.]+) Tf\n[^<]*?1 0 0 1 ([\d.]+) [\d.]+ Tm\n<([0-9A-F]*)> Tj/g)].map(
    ([, size = '', x = '', hex = '']) => ({
      // Latin-1 matches WinAnsi except in 0x80–0x9F, where only the ellipsis is used here.
      text: Buffer.from(hex, 'hex').toString('latin1').replaceAll('\u0085', '…'),
      x: Number(x),
      size: Number(size),
    }),
  );
}

const drawnText = async (pdf: Uint8Array) => (await drawnRuns(pdf)).map((run) => run.text);

describe('renderCertificatePdf', () => {
  it('produces a one-page landscape PDF with its metadata', async () => {
    const pdf = await renderCertificatePdf(input);
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPages()[0]?.getSize() ?? { width: 0, height: 0 };
    expect(width).toBeGreaterThan(height);
    expect(doc.getTitle()).toBe('Certificate of Achievement');
    expect(doc.getSubject()).toBe('Research Data Management');
    expect(doc.getCreator()).toBe('microcred');
  });

  it('draws every part of the certificate', async () => {
    const text = await drawnText(await renderCertificatePdf({ ...input, expiresAt: '15 March 2029' }));
    expect(text).toEqual(
      expect.arrayContaining([
        'Certificate of Achievement',
        'This certifies that',
        'Ada Lovelace',
        'Research Data Management',
        'Plans, documents and shares research data following the FAIR principles.',
        'Issued by Example University',
        'Issued on 15 March 2026',
        'Expires on 15 March 2029',
        `Verify at ${PAGE_URL}`,
      ]),
    );
  });

  it('leaves out the recipient line and the expiry when there are none', async () => {
    const text = await drawnText(await renderCertificatePdf({ ...input, recipientName: null }));
    expect(text).not.toContain('This certifies that');
    expect(text.some((line) => line.startsWith('Expires on'))).toBe(false);
  });

  it('replaces characters the standard fonts cannot show instead of failing', async () => {
    const pdf = await renderCertificatePdf({ ...input, recipientName: 'Zoë Ægir 中文 Łukasz Ő\u0301' });
    expect(await drawnText(pdf)).toContain('Zo\u00eb \u00c6gir ?? Lukasz O');
  });

  it('wraps or shrinks long names to stay on the page', async () => {
    const long = 'Interdisciplinary Methods '.repeat(12).trim();
    const pdf = await renderCertificatePdf({
      ...input,
      achievementName: long,
      recipientName: 'X'.repeat(200),
    });
    const runs = await drawnRuns(pdf);
    expect(runs.filter((run) => run.text.startsWith('Interdisciplinary'))).toHaveLength(2);
    expect(runs.filter((run) => run.text.startsWith('XXX')).map((run) => run.text.at(-1))).toEqual([
      'X',
      '…',
    ]);

    // Bold is the wider face, so measuring every run in it bounds the real widths from above.
    const { width: pageWidth } = (await PDFDocument.load(pdf)).getPages()[0]?.getSize() ?? { width: 0 };
    const bold = await (await PDFDocument.create()).embedFont(StandardFonts.HelveticaBold);
    for (const run of runs) {
      expect(run.x).toBeGreaterThanOrEqual(36);
      expect(run.x + bold.widthOfTextAtSize(run.text, run.size)).toBeLessThanOrEqual(pageWidth - 36);
    }
  });

  it('embeds the badge image when one is given', async () => {
    const badgePng = await svgToPng(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5"/></svg>',
      { width: 64 },
    );
    const without = await PDFDocument.load(await renderCertificatePdf(input));
    const withBadge = await PDFDocument.load(await renderCertificatePdf({ ...input, badgePng }));
    const images = (doc: PDFDocument) =>
      doc.context
        .enumerateIndirectObjects()
        .filter(
          ([, object]) =>
            object instanceof PDFRawStream && object.dict.toString().includes('/Subtype /Image'),
        ).length;
    expect(images(withBadge)).toBeGreaterThan(images(without));
  });

  it('embeds the issuer logo when it is a PNG, and leaves out one that is not', async () => {
    const logoPng = await svgToPng(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><rect width="20" height="10"/></svg>',
      { width: 80 },
    );
    const images = async (pdf: Uint8Array) =>
      (await PDFDocument.load(pdf)).context
        .enumerateIndirectObjects()
        .filter(
          ([, object]) =>
            object instanceof PDFRawStream && object.dict.toString().includes('/Subtype /Image'),
        ).length;
    const without = await images(await renderCertificatePdf(input));
    expect(await images(await renderCertificatePdf({ ...input, logoPng }))).toBe(without + 1);
    const unreadable = await renderCertificatePdf({ ...input, logoPng: new TextEncoder().encode('<svg/>') });
    expect(await images(unreadable)).toBe(without);
  });

  it('reports a QR code that is not a PNG as a parsing error', async () => {
    await expect(renderCertificatePdf({ ...input, qrPng: new Uint8Array([1, 2, 3]) })).rejects.toMatchObject({
      code: ErrorCode.PARSING_ERROR,
    });
  });
});
