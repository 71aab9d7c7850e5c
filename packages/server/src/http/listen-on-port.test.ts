import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createHttpServer } from './create-http-server.js';
import { listenOnPort } from './listen-on-port.js';

describe('listenOnPort', () => {
  it('refuses a port that is taken with one line naming it, and leaves the server closed', async () => {
    const holder = createHttpServer({ fetch: () => new Response('first') });
    await listenOnPort(holder, 0);
    const port = (holder.address() as AddressInfo).port;
    const second = createHttpServer({ fetch: () => new Response('second') });
    try {
      await expect(listenOnPort(second, port)).rejects.toThrow(
        `port ${port} is already in use (set PORT to another port)`,
      );
      expect(second.listening).toBe(false);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
