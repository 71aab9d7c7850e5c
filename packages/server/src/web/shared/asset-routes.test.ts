import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';

describe('the site icon', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: false } });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('answers /favicon.ico with an icon holding a 32×32 PNG, and every page names its icons', async () => {
    const response = await test.app.request('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
    const offset = bytes.readUInt32LE(18);
    const png = bytes.subarray(offset);
    expect(png.length).toBe(bytes.readUInt32LE(14));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20 of the PNG.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 32]);

    const svg = await test.app.request('/assets/icon.svg');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    const home = await test.call('/', { headers: { Accept: 'text/html' } });
    expect(home.text).toContain('<link rel="icon" href="/assets/icon.svg" type="image/svg+xml"/>');
  });
});
