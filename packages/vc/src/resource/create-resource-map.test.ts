import { describe, expect, it } from 'vitest';
import { CREDENTIALS_V2_CONTEXT } from '../contexts/index.js';
import { isMicrocredError } from '../error/index.js';
import { createResourceMap } from './create-resource-map.js';

const LIST_URL = 'https://issuer.example/status/1';
const CONTEXT_URL = 'https://issuer.example/context.json';
const list = { id: LIST_URL, type: ['VerifiableCredential', 'BitstringStatusListCredential'] };
const context = { '@context': { name: 'https://schema.org/name' } };

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return isMicrocredError(error) ? error.code : 'not a MicrocredError';
  }
}

describe('createResourceMap', () => {
  const documents = new Map<string, unknown>([
    [LIST_URL, list],
    [CONTEXT_URL, context],
  ]);

  it('serves the map to the fetcher and refuses every other URL', async () => {
    const { fetcher } = createResourceMap({ documents });
    await expect(fetcher(LIST_URL)).resolves.toEqual(list);
    expect(await codeOf(fetcher('https://issuer.example/status/2'))).toBe('RESOURCE_UNAVAILABLE');
  });

  it('serves the map to the document loader and still refuses unknown contexts', async () => {
    const { documentLoader } = createResourceMap({ documents });
    await expect(documentLoader(CONTEXT_URL)).resolves.toMatchObject({ document: context });
    expect(await codeOf(documentLoader('https://elsewhere.example/context.json'))).toBe('UNKNOWN_CONTEXT');
  });

  it('never lets the map redefine a bundled context', async () => {
    const { documentLoader } = createResourceMap({
      documents: new Map([[CREDENTIALS_V2_CONTEXT, { '@context': { evil: 'https://evil.example/' } }]]),
    });
    const loaded = await documentLoader(CREDENTIALS_V2_CONTEXT);
    expect(JSON.stringify(loaded.document)).not.toContain('evil');
  });

  it('hands out copies, so one verification cannot change what the next one reads', async () => {
    const { fetcher } = createResourceMap({ documents });
    const first = (await fetcher(LIST_URL)) as { id: string };
    first.id = 'tampered';
    await expect(fetcher(LIST_URL)).resolves.toEqual(list);
  });

  it('caches what the fallback returns until it expires, and forgets failures', async () => {
    let clock = 0;
    const asked: string[] = [];
    let failNext = true;
    const { fetcher } = createResourceMap({
      documents,
      fallback: (url) => {
        asked.push(url);
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('unreachable'));
        }
        return Promise.resolve({ id: url });
      },
      cache: { ttlMs: 1000, now: () => clock },
    });
    const url = 'https://issuer.example/status/2';
    await expect(fetcher(url)).rejects.toThrow('unreachable');
    await expect(fetcher(url)).resolves.toEqual({ id: url });
    await expect(fetcher(url)).resolves.toEqual({ id: url });
    expect(asked).toEqual([url, url]);
    clock = 1000;
    await fetcher(url);
    expect(asked).toEqual([url, url, url]);
  });

  it('keeps at most maxEntries fallback documents, dropping the oldest', async () => {
    const asked: string[] = [];
    const { fetcher } = createResourceMap({
      documents,
      fallback: (url) => {
        asked.push(url);
        return Promise.resolve({ id: url });
      },
      cache: { maxEntries: 1 },
    });
    await fetcher('https://a.example/1');
    await fetcher('https://a.example/2');
    await fetcher('https://a.example/1');
    expect(asked).toEqual(['https://a.example/1', 'https://a.example/2', 'https://a.example/1']);
  });
});
