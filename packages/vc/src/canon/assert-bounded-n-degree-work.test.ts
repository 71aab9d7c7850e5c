import { describe, expect, it } from 'vitest';
import { bundledDocumentLoader } from '../contexts/index.js';
import { buildAchievementCredential, buildClrCredential } from '../credential/build/index.js';
import { richCredentialOptions, testIssuer, testProof } from '../credential/test-credentials.js';
import { isMicrocredError } from '../error/index.js';
import type { JsonObject } from '../json/index.js';
import { assertBoundedNDegreeWork, MAX_N_DEGREE_WORK } from './assert-bounded-n-degree-work.js';
import type { Canonizer } from './canonizer.js';
import { fastPathOnlyCanonizer } from './fast-path-only.test-support.js';
import type { BlankNode, Quad } from './rdf-quad.js';
import { type CanonizerFallback, createRdfcFastCanonizer } from './rdfc-fast-canonizer.js';
import { rdfcReferenceCanonizer } from './rdfc-reference-canonizer.js';

const KNOWS = 'https://example.org/knows';
const NEXT_RING = 'https://example.org/nextRing';
// Generous: "bounded" means an error instead of a hang, not a benchmark.
const BOUNDED_MS = 60_000;

/** `size` blank nodes, each knowing the next: only their neighbours tell them apart. */
function ring(size: number, prefix = 'r'): JsonObject[] {
  return Array.from({ length: size }, (_, index) => ({
    id: `_:${prefix}${index}`,
    [KNOWS]: { id: `_:${prefix}${(index + 1) % size}` },
  }));
}

function clique(size: number): JsonObject[] {
  return Array.from({ length: size }, (_, index) => ({
    id: `_:c${index}`,
    [KNOWS]: Array.from({ length: size }, (_, other) => ({ id: `_:c${other}` })).filter(
      (_, other) => other !== index,
    ),
  }));
}

/** `rings` rings of `size` blank nodes, the first node of each linked to the first of the next. */
function ringOfRings(rings: number, size: number): JsonObject[] {
  return Array.from({ length: rings }, (_, index) =>
    ring(size, `g${index}n`).map((node, position) =>
      position === 0 ? { ...node, [NEXT_RING]: { id: `_:g${(index + 1) % rings}n0` } } : node,
    ),
  ).flat();
}

/** A realistic signed-looking credential whose subject carries `nodes`. */
function poisoned(nodes: readonly JsonObject[]): JsonObject {
  const credential = buildAchievementCredential(richCredentialOptions()) as unknown as JsonObject;
  const subject = credential.credentialSubject as JsonObject;
  return { ...credential, credentialSubject: { ...subject, [KNOWS]: nodes } };
}

async function codeAndMessage(canonizer: Canonizer, document: object) {
  try {
    await canonizer.canonize(document, { documentLoader: bundledDocumentLoader });
    return { code: 'canonicalized', message: '' };
  } catch (error) {
    return isMicrocredError(error)
      ? { code: error.code, message: error.message }
      : { code: 'not a MicrocredError', message: String(error) };
  }
}

describe('a poisoned blank-node graph is refused before RDFC-1.0 runs, by both canonizers', () => {
  const expectRefused = async (canonizer: Canonizer, document: object) => {
    const outcome = await codeAndMessage(canonizer, document);
    expect(outcome.code).toBe('RANGE_ERROR');
    expect(outcome.message).toMatch(/^canonicalization refused: .*N-degree.*over the limit of 524288/);
  };
  const cases: [string, () => JsonObject[]][] = [
    ['a ring of 1,000 blank nodes', () => ring(1_000)],
    ['a clique of 100 blank nodes', () => clique(100)],
    ['a ring of 40 rings of 40 blank nodes', () => ringOfRings(40, 40)],
    // Each ring alone is cheap; together they raise rdf-canonize's deep-iteration budget for all.
    [
      '50 separate rings of 60 blank nodes',
      () => Array.from({ length: 50 }, (_, i) => ring(60, `s${i}n`)).flat(),
    ],
  ];
  for (const [name, nodes] of cases) {
    it(
      name,
      async () => {
        const document = poisoned(nodes());
        // The fast path without a fallback: it refuses on its own, without a second expansion.
        await expectRefused(fastPathOnlyCanonizer, document);
        await expectRefused(rdfcReferenceCanonizer, document);
      },
      BOUNDED_MS,
    );
  }

  // The reference path refuses it before the ring is even seen: jsonld.js's node map would take seconds
  // on one array of 17,000 values (see assert-bounded-node-map-work).
  it(
    'a 1 MB ring of 17,000 blank nodes',
    async () => {
      const document = poisoned(ring(17_000));
      expect(JSON.stringify(document).length).toBeGreaterThan(1_000_000);
      await expectRefused(fastPathOnlyCanonizer, document);
      expect(await codeAndMessage(rdfcReferenceCanonizer, document)).toMatchObject({
        code: 'RANGE_ERROR',
        message: expect.stringMatching(/too many values on one property/),
      });
    },
    BOUNDED_MS,
  );
});

describe('credentials with many repeated blank nodes are not limited', () => {
  it(
    'a CLR of 100 credentials sharing issuer, achievement and result shapes canonicalizes as the reference does',
    async () => {
      const did = 'did:example:issuer';
      const nested = Array.from({ length: 100 }, (_, index) => ({
        ...buildAchievementCredential(richCredentialOptions()),
        id: `urn:uuid:7d3c2a10-0000-4000-8000-${String(index).padStart(12, '0')}`,
        proof: [testProof(did)],
      }));
      const clr = buildClrCredential({
        id: 'urn:uuid:7d3c2a10-0000-4000-8000-100000000000',
        issuer: testIssuer(),
        name: 'Learner record',
        validFrom: '2025-02-01T00:00:00Z',
        subject: { id: 'did:example:learner1' },
        verifiableCredential: nested,
      });
      const fallbacks: CanonizerFallback[] = [];
      const fast = createRdfcFastCanonizer({ onFallback: (fallback) => fallbacks.push(fallback) });
      const options = { documentLoader: bundledDocumentLoader };
      const [fastNQuads, referenceNQuads] = await Promise.all([
        fast.canonize(clr, options),
        rdfcReferenceCanonizer.canonize(clr, options),
      ]);
      expect(fallbacks).toEqual([]);
      expect(fastNQuads).toBe(referenceNQuads);
      // Every nested credential's alignments, address and result lists repeat: RDFC-1.0 has to tell
      // apart thousands of look-alike blank nodes, all of them through unique neighbours.
      expect(fastNQuads.split('\n').length).toBeGreaterThan(10_000);
    },
    BOUNDED_MS,
  );

  it('5,000 identical blank nodes hanging off one named node canonicalize', async () => {
    const many = Array.from({ length: 5_000 }, () => ({ [KNOWS]: 'the same' }));
    const document = poisoned(many);
    const nquads = await fastPathOnlyCanonizer.canonize(document, { documentLoader: bundledDocumentLoader });
    expect(nquads.match(/^_:c14n\d+ <https:\/\/example.org\/knows> "the same" \.$/gm)).toHaveLength(5_000);
  });
});

describe('the N-degree work estimate', () => {
  const blank = (value: string): BlankNode => ({ termType: 'BlankNode', value });
  const triple = (subject: string, object: string): Quad => ({
    subject: blank(subject),
    predicate: { termType: 'NamedNode', value: KNOWS },
    object: blank(object),
    graph: { termType: 'DefaultGraph', value: '' },
  });
  const ringQuads = (size: number) =>
    Array.from({ length: size }, (_, index) => triple(`r${index}`, `r${(index + 1) % size}`));
  const refusal = (dataset: Quad[], maxWorkFactor = 1) => {
    try {
      assertBoundedNDegreeWork(dataset, maxWorkFactor);
      return undefined;
    } catch (error) {
      return isMicrocredError(error) ? { code: error.code, details: error.details } : error;
    }
  };

  it('is budget × largest tangle × most quads on a tangled node, and the limit is inclusive', () => {
    // A ring of n: n deep iterations, n tangled nodes, 2 quads each.
    expect(512 * 512 * 2).toBe(MAX_N_DEGREE_WORK);
    expect(refusal(ringQuads(512))).toBeUndefined();
    expect(refusal(ringQuads(513))).toEqual({
      code: 'RANGE_ERROR',
      details: { blankNodes: 513, nonUnique: 513, largestGroup: 513, mostQuads: 2 },
    });
  });

  it('counts rdf-canonize’s deep-iteration budget, which grows with maxWorkFactor', () => {
    expect(refusal(ringQuads(100), 1)).toBeUndefined();
    expect(refusal(ringQuads(100), 2)).toMatchObject({ code: 'RANGE_ERROR' });
    expect(refusal(ringQuads(100), 0)).toBeUndefined();
  });

  it('ignores look-alike blank nodes that unique neighbours tell apart', () => {
    // 20,000 copies of one node, each under its own distinct parent: no N-degree recursion at all.
    const copies = Array.from({ length: 20_000 }, (_, index): Quad[] => [
      {
        subject: { termType: 'NamedNode', value: `https://example.org/parent/${index}` },
        predicate: { termType: 'NamedNode', value: KNOWS },
        object: blank(`p${index}`),
        graph: { termType: 'DefaultGraph', value: '' },
      },
      triple(`p${index}`, `leaf${index}`),
    ]).flat();
    // The parents' blank children are unique by their named parent; the leaves all look alike, but
    // their one blank neighbour is unique.
    expect(refusal(copies)).toBeUndefined();
    // Each look-alike node raises rdf-canonize's deep-iteration budget, and with it what a tangle may
    // cost: a ring of 3 among them stays cheap, a ring of 20 does not.
    expect(refusal([...copies, ...ringQuads(3)])).toBeUndefined();
    expect(refusal([...copies, ...ringQuads(20)])).toEqual({
      code: 'RANGE_ERROR',
      details: { blankNodes: 40_020, nonUnique: 20_020, largestGroup: 20, mostQuads: 2 },
    });
  });
});
