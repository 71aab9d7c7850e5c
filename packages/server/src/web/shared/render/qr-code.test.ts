import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { svgToPng } from './badge-png.js';
import { publicQrCodeSvg, qrCodePng, qrCodeSvg } from './qr-code.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PAGE_URL = 'https://badges.example.org/credentials/0d5f7a1e-1c3b-4a8e-9f00-7d2b1c9e3a44';

const pngWidth = (png: Uint8Array) => new DataView(png.buffer, png.byteOffset).getUint32(16);

describe('qrCodeSvg', () => {
  it('draws the same modules as the qrcode package’s own SVG renderer', async () => {
    const reference = await QRCode.toString(PAGE_URL, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
    const ours = qrCodeSvg(PAGE_URL);
    expect(ours).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    // Rasterised at whole pixels per module, identical symbols give identical PNGs.
    const width = 8 * Number(/viewBox="0 0 (\d+)/.exec(ours)?.[1]);
    expect(await svgToPng(ours, { width })).toEqual(await svgToPng(reference, { width }));
  });

  it('encodes different texts as different symbols', () => {
    expect(qrCodeSvg('https://example.org/a')).not.toBe(qrCodeSvg('https://example.org/b'));
  });

  it('carries an escaped accessible title only when one is given', () => {
    expect(qrCodeSvg(PAGE_URL)).not.toContain('<title>');
    expect(qrCodeSvg(PAGE_URL, 'Verify "Data & Ethics" <online>')).toContain(
      '<title>Verify &quot;Data &amp; Ethics&quot; &lt;online&gt;</title>',
    );
  });
});

describe('publicQrCodeSvg', () => {
  it('draws what qrCodeSvg draws, for each text and title, however often it is asked', () => {
    for (let round = 0; round < 2; round++) {
      expect(publicQrCodeSvg(PAGE_URL, 'Scan')).toBe(qrCodeSvg(PAGE_URL, 'Scan'));
      expect(publicQrCodeSvg(PAGE_URL, 'Scannez')).toBe(qrCodeSvg(PAGE_URL, 'Scannez'));
      expect(publicQrCodeSvg(`${PAGE_URL}0`)).toBe(qrCodeSvg(`${PAGE_URL}0`));
    }
  });
});

describe('qrCodePng', () => {
  it('produces a PNG of the requested size', async () => {
    const png = await qrCodePng(PAGE_URL, { size: 300 });
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngWidth(png)).toBe(300);
  });

  it('defaults to 512 pixels', async () => {
    expect(pngWidth(await qrCodePng(PAGE_URL))).toBe(512);
  });

  it('encodes different texts as different images', async () => {
    const [a, b] = await Promise.all([
      qrCodePng('https://example.org/a'),
      qrCodePng('https://example.org/b'),
    ]);
    expect(a).not.toEqual(b);
  });
});
