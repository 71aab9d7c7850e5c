import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
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
};

/** `/assets/{name}`: the one stylesheet and the one script every page of every audience loads. */
export function mountAssetRoutes(web: Hono<WebEnv>): void {
  web.get('/assets/:name', (c) => {
    const asset = ASSETS[c.req.param('name')];
    if (asset === undefined) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such file');
    return c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=3600' });
  });
}
