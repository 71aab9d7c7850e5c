import { describe, expect, it } from 'vitest';
import { bundledDocumentLoader } from '../contexts/index.js';
import { ErrorCode, isMicrocredError } from '../error/index.js';
import type { JsonObject } from '../json/index.js';
import { assertBoundedNodeMapWork, MAX_NODE_MAP_WORK } from './assert-bounded-node-map-work.js';
import { type CanonizerFallback, createRdfcFastCanonizer } from './rdfc-fast-canonizer.js';
import { rdfcReferenceCanonizer } from './rdfc-reference-canonizer.js';

const VALUES = 'https://example.org/values';
const options = { documentLoader: bundledDocumentLoader };

function credentialWith(subject: JsonObject): JsonObject {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential'],
    issuer: 'did:example:issuer',
    credentialSubject: { id: 'did:example:earner', ...subject },
  };
}

function strings(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `value ${index}`);
}

async function rangeErrorOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return isMicrocredError(error) ? error.code : String(error);
  }
}

describe('assertBoundedNodeMapWork', () => {
  it('counts the duplicate checks of one property as the node map makes them (n values, n(n-1)/2)', () => {
    const limit = Math.floor(Math.sqrt(2 * MAX_NODE_MAP_WORK));
    expect(() =>
      assertBoundedNodeMapWork([
        { '@id': 'urn:x', [VALUES]: strings(limit).map((value) => ({ '@value': value })) },
      ]),
    ).not.toThrow();
    expect(() =>
      assertBoundedNodeMapWork([
        { '@id': 'urn:x', [VALUES]: strings(limit + 2).map((value) => ({ '@value': value })) },
      ]),
    ).toThrow(/too many values on one property/);
  });

  it('merges nodes with the same id wherever they stand, as the node map does', () => {
    const scattered = strings(6000).map((value) => ({ '@id': 'urn:same', [VALUES]: [{ '@value': value }] }));
    expect(() =>
      assertBoundedNodeMapWork([{ '@id': 'urn:root', 'https://example.org/part': scattered }]),
    ).toThrow(/too many values/);
  });

  it('counts a reverse property on the node it points to', () => {
    const reverse = strings(6000).map(() => ({ '@id': 'urn:target' }));
    expect(() =>
      assertBoundedNodeMapWork([{ '@id': 'urn:root', '@reverse': { 'https://example.org/knows': reverse } }]),
    ).toThrow(/too many values/);
  });

  it('lets many unlabelled nodes each hold a few values of their own (a CLR of many credentials)', () => {
    const nodes = Array.from({ length: 2000 }, () => ({
      [VALUES]: strings(5).map((value) => ({ '@value': value })),
    }));
    expect(() =>
      assertBoundedNodeMapWork([{ '@id': 'urn:root', 'https://example.org/part': nodes }]),
    ).not.toThrow();
  });
});

describe('the reference path refuses what its node map cannot build in bounded time', () => {
  it('refuses 16,000 values on one property with RANGE_ERROR instead of seconds of work', async () => {
    const code = await rangeErrorOf(
      rdfcReferenceCanonizer.canonize(credentialWith({ [VALUES]: strings(16_000) }), options),
    );
    expect(code).toBe(ErrorCode.RANGE_ERROR);
  });

  it('refuses the same values scattered over nodes that an embedded context gives one id under an alias', async () => {
    const document = credentialWith({
      'https://example.org/part': strings(6000).map((value) => ({ key: 'urn:same', [VALUES]: value })),
    });
    document['@context'] = ['https://www.w3.org/ns/credentials/v2', { key: '@id' }];
    expect(await rangeErrorOf(rdfcReferenceCanonizer.canonize(document, options))).toBe(
      ErrorCode.RANGE_ERROR,
    );
  });

  it('refuses it when a construct outside the fast path sends the document to the reference', async () => {
    const fallbacks: CanonizerFallback[] = [];
    const fast = createRdfcFastCanonizer({ onFallback: (fallback) => fallbacks.push(fallback) });
    const document = credentialWith({
      [VALUES]: strings(16_000),
      'https://example.org/json': { '@value': { a: 1 }, '@type': '@json' },
    });
    expect(await rangeErrorOf(fast.canonize(document, options))).toBe(ErrorCode.RANGE_ERROR);
    expect(fallbacks).toHaveLength(1);
  });

  it('still canonicalizes a document of a few thousand values, as jsonld.js alone would', async () => {
    const document = credentialWith({ [VALUES]: strings(2000) });
    const nQuads = await rdfcReferenceCanonizer.canonize(document, options);
    expect(nQuads.split('\n').filter((line) => line.includes(VALUES))).toHaveLength(2000);
  });
});
