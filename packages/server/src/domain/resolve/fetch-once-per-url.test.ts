import { ErrorCode, MicrocredError, type ResourceFetcher } from '@microcred/vc';
import { describe, expect, it } from 'vitest';
import { fetchOncePerUrl } from './fetch-once-per-url.js';

function countingFetcher(): { fetcher: ResourceFetcher; calls: string[] } {
  const calls: string[] = [];
  const fetcher: ResourceFetcher = async (url) => {
    calls.push(url);
    if (url.endsWith('/missing')) throw new MicrocredError(ErrorCode.RESOURCE_UNAVAILABLE, `no ${url}`);
    return { id: url, read: calls.length };
  };
  return { fetcher, calls };
}

describe('fetchOncePerUrl', () => {
  it('reads each URL once, however many times and however concurrently it is asked for', async () => {
    const { fetcher, calls } = countingFetcher();
    const once = fetchOncePerUrl(fetcher);
    const did = 'https://badges.example.edu/issuers/a/did.json';
    const list = 'https://badges.example.edu/issuers/a/status/1';
    const [first, second] = await Promise.all([once(did), once(did)]);
    expect(await once(list)).toEqual({ id: list, read: 2 });
    expect(await once(did)).toBe(first);
    expect(second).toBe(first);
    expect(calls).toEqual([did, list]);
  });

  it('gives the same failure to every asker of one verification, and asks again in the next one', async () => {
    const { fetcher, calls } = countingFetcher();
    const missing = 'https://badges.example.edu/missing';
    const once = fetchOncePerUrl(fetcher);
    await expect(once(missing)).rejects.toThrow(/no https/);
    await expect(once(missing)).rejects.toThrow(/no https/);
    expect(calls).toHaveLength(1);
    // A new verification gets a new memory: what changed since (a revocation, a key) is read afresh.
    await expect(fetchOncePerUrl(fetcher)(missing)).rejects.toThrow(/no https/);
    expect(calls).toHaveLength(2);
  });
});
