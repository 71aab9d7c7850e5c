import QRCode from 'qrcode';

const ERROR_CORRECTION = 'M';
/** The quiet zone the QR specification asks for around the symbol, in modules. */
const MARGIN = 4;

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Renders `text` as a scalable QR code. Built from the module matrix rather than `QRCode.toString`,
 * which is asynchronous, so that page templates can inline it directly.
 */
export function qrCodeSvg(text: string, title?: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  const extent = modules.size + 2 * MARGIN;
  let path = '';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      const start = col;
      while (col + 1 < modules.size && modules.get(row, col + 1)) col++;
      path += `M${start + MARGIN} ${row + MARGIN}h${col - start + 1}v1H${start + MARGIN}z`;
    }
  }
  const label = title === undefined ? '' : `<title>${escapeXml(title)}</title>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${extent} ${extent}" ` +
    `shape-rendering="crispEdges" role="img">${label}` +
    `<rect width="${extent}" height="${extent}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}

// A public page's QR code names the page's own URL, the same at every visit: drawn once (about 0.8 ms).
const MAX_REMEMBERED_CODES = 1000;
const rememberedCodes = new Map<string, string>();

/**
 * {@link qrCodeSvg} remembered, for text anyone may read that does not change (a public page's URL). Never
 * for a secret: an offer or a wallet link would stay in memory after it is used.
 */
export function publicQrCodeSvg(text: string, title?: string): string {
  const key = `${title ?? ''}\u0000${text}`;
  let svg = rememberedCodes.get(key);
  if (svg === undefined) {
    svg = qrCodeSvg(text, title);
    // Oldest first out: bounded memory however many pages are visited.
    if (rememberedCodes.size >= MAX_REMEMBERED_CODES) {
      const oldest = rememberedCodes.keys().next().value;
      if (oldest !== undefined) rememberedCodes.delete(oldest);
    }
    rememberedCodes.set(key, svg);
  }
  return svg;
}

/** Renders `text` as a QR code PNG about `size` pixels wide (default 512), quiet zone included. */
export async function qrCodePng(text: string, options: { size?: number } = {}): Promise<Uint8Array> {
  const png = await QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: MARGIN,
    width: options.size ?? 512,
  });
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
