import { isIPv4, isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** Stands for every request whose address is unknown (in-process `app.request()`, tests). */
const UNKNOWN = 'unknown';

/**
 * The client's network address, as a rate-limit key. From the socket, unless `trustProxy` says how many
 * reverse proxies of ours stand in front: then from `X-Forwarded-For`, counting that many entries from
 * the right (each proxy appends the address it saw; entries further left are whatever the client wrote,
 * and trusting them would let anyone pick their own key).
 */
export function clientAddress(c: Context, options: { readonly trustProxy: number }): string {
  if (options.trustProxy > 0) {
    const forwarded = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    const chosen = forwarded[forwarded.length - options.trustProxy] ?? forwarded[0];
    if (chosen !== undefined) return addressKey(chosen);
  }
  return addressKey(socketAddress(c) ?? UNKNOWN);
}

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // Not served by @hono/node-server (a test's app.request(), another runtime): no socket to ask.
    return undefined;
  }
}

/**
 * One key per client: an IPv4-mapped IPv6 address is its IPv4 address, and an IPv6 address counts by its
 * /64 network, which one subscriber usually holds whole (rotating within it must not reset the limit).
 */
export function addressKey(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped !== undefined && isIPv4(mapped)) return mapped;
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return address === UNKNOWN ? UNKNOWN : `other:${address.slice(0, 64)}`;
  const [head = '', tail = ''] = bare.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = bare.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  const groups = bare.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
