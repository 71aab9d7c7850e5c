import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import { svgToPng } from './render/badge-png.js';
import type { WebEnv } from './web-env.js';

const ASSETS: Readonly<Record<string, { type: string; body: string }>> = {
  'site.css': {
    type: 'text/css; charset=utf-8',
    body: readFileSync(new URL('./assets/site.css', import.meta.url), 'utf8'),
  },
  'site.js': {
    type: 'text/javascript; charset=utf-8',
    body: readFileSync(new URL('./assets/site.js', import.meta.url), 'utf8'),
  },
  'icon.svg': {
    type: 'image/svg+xml',
    body: readFileSync(new URL('./assets/icon.svg', import.meta.url), 'utf8'),
  },
};

/**
 * An ICO file holding one 32×32 PNG (allowed since Windows Vista, read by every browser): what a browser
 * asks `/favicon.ico` for when a page (or a JSON document, a PDF) names no icon.
 */
function icoOf(png: Uint8Array): Uint8Array<ArrayBuffer> {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(32, 6); // width
  header.writeUInt8(32, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(header.length, 18); // the PNG follows the directory
  return new Uint8Array(Buffer.concat([header, png]));
}

let favicon: Promise<Uint8Array<ArrayBuffer>> | undefined;

/** `/assets/{name}`: the one stylesheet and the one script every page of every audience loads. */
export function mountAssetRoutes(web: Hono<WebEnv>): void {
  web.get('/favicon.ico', async (c) => {
    favicon ??= svgToPng(ASSETS['icon.svg']?.body ?? '', { width: 32 }).then(icoOf);
    return c.body(await favicon, 200, {
      'Content-Type': 'image/x-icon',
      'Cache-Control': 'public, max-age=86400',
    });
  });
  web.get('/assets/:name', (c) => {
    const asset = ASSETS[c.req.param('name')];
    if (asset === undefined) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such file');
    return c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=3600' });
  });
}
