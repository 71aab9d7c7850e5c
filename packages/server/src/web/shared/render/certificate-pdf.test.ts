import { ErrorCode } from '@microcred/vc';
import { type PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../i18n/translate.js';
import { svgToPng } from './badge-png.js';
import { type CertificateInput, renderCertificatePdf } from './certificate-pdf.js';
import { qrCodePng } from './qr-code.js';

const PAGE_URL = 'https://badges.example.org/credentials/0d5f7a1e-1c3b-4a8e-9f00-7d2b1c9e3a44';

let input: CertificateInput;

/** The labels as the download route takes them from the catalogue. */
function labelsIn(locale: string): CertificateInput['labels'] {
  const t = translator(locale);
  return {
    certifies: t('certificate.certifies'),
    hasEarned: t('certificate.hasEarned'),
    issuedOn: t('certificate.issuedOn'),
    expiresOn: t('certificate.expiresOn'),
    verifyAt: t('certificate.verifyAt'),
    issuedBy: t('certificate.issuedBy'),
    qrAlt: t('share.qrAlt'),
  };
}

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
    language: 'en',
    labels: labelsIn('en'),
  };
});

interface TextItem {
  text: string;
  x: number;
  width: number;
}

/** The text a reader (or a screen reader, or copy and paste) gets back, as pdf.js extracts it. */
async function extractItems(pdf: Uint8Array): Promise<TextItem[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const content = await (await doc.getPage(1)).getTextContent();
  return content.items.flatMap((item) =>
    'str' in item ? [{ text: item.str, x: item.transform[4] as number, width: item.width }] : [],
  );
}

/** All the text as pdf.js extracts it, whitespace collapsed, so a sentence split over lines reads as one. */
async function extractAllText(pdf: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

const resolve = (doc: PDFDocument, value: unknown) =>
  value instanceof PDFRef ? doc.context.lookup(value) : value;

function dictAt(doc: PDFDocument, dict: PDFDict, key: string): PDFDict {
  const value = resolve(doc, dict.get(PDFName.of(key)));
  if (!(value instanceof PDFDict)) throw new Error(`no ${key} dictionary`);
  return value;
}

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

  it('prints the exact Unicode name in a whole sentence', async () => {
    const pdf = await renderCertificatePdf({
      ...input,
      recipientName: 'Ada Łovelace-Ñúñez 李',
      achievementName: 'SQL for Analysts',
    });
    expect(await extractAllText(pdf)).toContain(
      'This certifies that Ada Łovelace-Ñúñez 李 has earned SQL for Analysts',
    );
  });

  it('writes the sentence in the language of the catalogue it is given', async () => {
    const pdf = await renderCertificatePdf({
      ...input,
      language: 'fr',
      labels: labelsIn('fr'),
      recipientName: 'Alex Demo',
      achievementName: 'SQL pour analystes',
    });
    expect(await extractAllText(pdf)).toContain(
      'Ce certificat atteste que Alex Demo a obtenu SQL pour analystes',
    );
    expect((await PDFDocument.load(pdf)).catalog.get(PDFName.of('Lang'))).toEqual(PDFString.of('fr'));
  });

  it('prints Greek, Cyrillic and Japanese names as written', async () => {
    for (const name of ['Σωκράτης Παπαδόπουλος', 'Анна Каренина-Ёлкина', 'やまだ はなこ 山田花子']) {
      const pdf = await renderCertificatePdf({ ...input, recipientName: name });
      expect(await extractAllText(pdf)).toContain(name);
    }
  });

  it('embeds every font, subsetted, and uses no standard font', async () => {
    const doc = await PDFDocument.load(await renderCertificatePdf({ ...input, recipientName: 'Łukasz 李' }));
    const fonts = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter(
        (object): object is PDFDict =>
          object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font'),
      )
      .filter((font) => font.get(PDFName.of('Subtype')) !== PDFName.of('CIDFontType2'));
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) {
      expect(font.get(PDFName.of('Subtype'))).toBe(PDFName.of('Type0'));
      expect(font.get(PDFName.of('ToUnicode'))).toBeInstanceOf(PDFRef);
    }
    // Subsetted: each embedded font file holds a few glyphs, far less than a slice of Noto Sans (28 kB and up).
    const files = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object): object is PDFDict => object instanceof PDFDict && object.has(PDFName.of('FontFile2')))
      .map((descriptor) => resolve(doc, descriptor.get(PDFName.of('FontFile2'))) as PDFRawStream);
    expect(files).toHaveLength(fonts.length);
    for (const file of files) expect(file.contents.length).toBeLessThan(12_000);
  });

  it('is tagged: language, title shown, marked, with headings, paragraphs and a described QR code', async () => {
    const doc = await PDFDocument.load(await renderCertificatePdf(input));
    const { catalog } = doc;
    expect(catalog.get(PDFName.of('Lang'))).toEqual(PDFString.of('en'));
    expect(dictAt(doc, catalog, 'MarkInfo').get(PDFName.of('Marked'))?.toString()).toBe('true');
    expect(dictAt(doc, catalog, 'ViewerPreferences').get(PDFName.of('DisplayDocTitle'))?.toString()).toBe(
      'true',
    );
    const root = dictAt(doc, catalog, 'StructTreeRoot');
    const document = dictAt(doc, root, 'K');
    expect(document.get(PDFName.of('S'))).toBe(PDFName.of('Document'));
    const kids = (document.get(PDFName.of('K')) as PDFArray)
      .asArray()
      .map((kid) => resolve(doc, kid) as PDFDict);
    const roles = kids.map((kid) => String(kid.get(PDFName.of('S'))));
    expect(roles[0]).toBe('/H1');
    expect(roles.filter((role) => role === '/P').length).toBeGreaterThanOrEqual(4);
    const figure = kids.find((kid) => kid.get(PDFName.of('S')) === PDFName.of('Figure'));
    expect(figure?.get(PDFName.of('Alt'))).toEqual(PDFString.of('QR code linking to this credential page'));

    // Every marked-content id in the page's content belongs to exactly one element, through the ParentTree.
    const mcids = kids.flatMap((kid) => (kid.get(PDFName.of('K')) as PDFArray).asArray().map(Number));
    const owners = (dictAt(doc, root, 'ParentTree').get(PDFName.of('Nums')) as PDFArray).get(1) as PDFArray;
    expect(owners.size()).toBe(mcids.length);
    expect([...mcids].sort((a, b) => a - b)).toEqual(mcids.map((_, index) => index));
    expect(doc.getPages()[0]?.node.get(PDFName.of('StructParents'))?.toString()).toBe('0');
  });

  it('draws every part of the certificate', async () => {
    const text = await extractAllText(await renderCertificatePdf({ ...input, expiresAt: '15 March 2029' }));
    for (const part of [
      'Certificate of Achievement',
      'This certifies that Ada Lovelace has earned Research Data Management',
      'Plans, documents and shares research data following the FAIR principles.',
      'Issued by Example University',
      'Issued on 15 March 2026',
      'Expires on 15 March 2029',
      `Verify at ${PAGE_URL}`,
    ]) {
      expect(text).toContain(part);
    }
  });

  it('leaves out the recipient line and the expiry when there are none', async () => {
    const text = await extractAllText(await renderCertificatePdf({ ...input, recipientName: null }));
    expect(text).not.toContain('This certifies that');
    expect(text).not.toContain('has earned');
    expect(text).toContain('Research Data Management');
    expect(text).not.toContain('Expires on');
  });

  it('wraps or shrinks long names to stay on the page', async () => {
    const long = 'Interdisciplinary Methods '.repeat(12).trim();
    const pdf = await renderCertificatePdf({
      ...input,
      achievementName: long,
      recipientName: 'X'.repeat(200),
    });
    const items = await extractItems(pdf);
    expect(items.filter((item) => item.text.includes('Methods'))).toHaveLength(2);
    expect(
      items
        .filter((item) => item.text.includes('Methods'))
        .at(-1)
        ?.text.at(-1),
    ).toBe('…');
    expect(items.filter((item) => item.text.startsWith('XXX')).map((item) => item.text.at(-1))).toEqual([
      'X',
      '…',
    ]);
    const { width: pageWidth } = (await PDFDocument.load(pdf)).getPages()[0]?.getSize() ?? { width: 0 };
    for (const item of items.filter((candidate) => candidate.text.trim() !== '')) {
      expect(item.x).toBeGreaterThanOrEqual(36);
      expect(item.x + item.width).toBeLessThanOrEqual(pageWidth - 36);
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
