import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from './client-address.js';

async function addressSeen(trustProxy: number, headers: Record<string, string>): Promise<string> {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(c, { trustProxy })));
  return (await app.request('/', { headers })).text();
}

describe('clientAddress', () => {
  it('reads the socket when served by the node server', async () => {
    const app = new Hono();
    app.get('/', (c) => c.text(clientAddress(c, { trustProxy: 0 })));
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const { port } = server.address() as AddressInfo;
      const seen = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { 'X-Forwarded-For': '198.51.100.1' },
      });
      expect(await seen.text()).toBe('127.0.0.1');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('ignores X-Forwarded-For unless told how many proxies to trust', async () => {
    expect(await addressSeen(0, { 'X-Forwarded-For': '198.51.100.1' })).toBe('unknown');
  });

  it('takes the address the trusted proxies saw, not what the client wrote further left', async () => {
    const headers = { 'X-Forwarded-For': '10.9.9.9, 198.51.100.1, 192.0.2.10' };
    expect(await addressSeen(1, headers)).toBe('192.0.2.10');
    expect(await addressSeen(2, headers)).toBe('198.51.100.1');
    expect(await addressSeen(5, { 'X-Forwarded-For': '198.51.100.1' })).toBe('198.51.100.1');
  });

  it('keys IPv6 clients by their /64 and IPv4-mapped addresses by the IPv4 address', () => {
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::1')).toBe(addressKey('2001:0db8:0001:0002:ffff::9'));
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('[2001:db8:1:2::1]')).toBe('2001:db8:1:2::/64');
    expect(addressKey('not an address')).toBe('other:not an address');
  });
});
