import { afterAll, describe, expect, it } from 'vitest';
import { realisticCredential } from '../../bench/realistic-credential.js';
import { bundledDocumentLoader, createDocumentLoader, type DocumentLoader } from '../contexts/index.js';
import { isMicrocredError } from '../error/index.js';
import type { JsonObject } from '../json/index.js';
import { canonizationCorpora } from './canonization-corpora.test-support.js';
import type { Canonizer } from './canonizer.js';
import { type CanonizerFallback, createRdfcFastCanonizer, rdfcFastCanonizer } from './rdfc-fast-canonizer.js';
import { rdfcReferenceCanonizer } from './rdfc-reference-canonizer.js';

type Outcome = { readonly nquads: string } | { readonly code: string };

const DID = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const OB_CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
];

async function outcomeOf(
  canonizer: Canonizer,
  document: object,
  documentLoader: DocumentLoader,
  maxWorkFactor?: number,
): Promise<Outcome> {
  try {
    return {
      nquads: await canonizer.canonize(document, {
        documentLoader,
        ...(maxWorkFactor === undefined ? {} : { maxWorkFactor }),
      }),
    };
  } catch (error) {
    return { code: isMicrocredError(error) ? error.code : `not a MicrocredError: ${String(error)}` };
  }
}

/** A fast canonizer whose fallbacks are recorded, and both outcomes for one document. */
function observedCanonizer() {
  const fallbacks: CanonizerFallback[] = [];
  const canonizer = createRdfcFastCanonizer({ onFallback: (fallback) => fallbacks.push(fallback) });
  const compare = async (
    document: object,
    documentLoader = bundledDocumentLoader,
    maxWorkFactor?: number,
  ) => {
    const before = fallbacks.length;
    const fast = await outcomeOf(canonizer, document, documentLoader, maxWorkFactor);
    const reference = await outcomeOf(rdfcReferenceCanonizer, document, documentLoader, maxWorkFactor);
    return { fast, reference, fallback: fallbacks.length > before ? fallbacks.at(-1) : undefined };
  };
  return { canonizer, fallbacks, compare };
}

function credential(index = 1): JsonObject {
  return structuredClone(realisticCredential(index, DID));
}

interface CorpusReport {
  corpus: string;
  documents: number;
  fast: number;
  fallbacks: number;
  referenceRejects: number;
  reasons: string[];
}

describe('the fast canonizer, document by document against the reference canonizer', () => {
  const reports: CorpusReport[] = [];
  afterAll(() => {
    // The fallback rate per corpus, as the brief asks; shown with `vitest run --reporter=verbose`.
    console.info(
      reports
        .map(
          (r) =>
            `${r.corpus}: ${r.documents} documents, ${r.fast} on the fast path, ${r.fallbacks} delegated ` +
            `(${r.referenceRejects} of which the reference rejects)${r.reasons.length === 0 ? '' : `\n    ${[...new Set(r.reasons)].join('\n    ')}`}`,
        )
        .join('\n'),
    );
  });

  for (const corpus of canonizationCorpora({ realisticCount: 500 })) {
    it(`${corpus.name}: byte-identical N-Quads, or the same error code, and delegates only what the reference rejects${corpus.mustStayFast ? ' (here: nothing)' : ''}`, async () => {
      const { canonizer, compare } = observedCanonizer();
      const references: Outcome[] = [];
      const report: CorpusReport = {
        corpus: corpus.name,
        documents: corpus.documents.length,
        fast: 0,
        fallbacks: 0,
        referenceRejects: 0,
        reasons: [],
      };
      reports.push(report);
      for (const { name, document } of corpus.documents) {
        const { fast, reference, fallback } = await compare(document, corpus.documentLoader);
        expect(fast, name).toEqual(reference);
        references.push(reference);
        if (fallback === undefined) {
          report.fast++;
          continue;
        }
        report.fallbacks++;
        report.reasons.push(`${fallback.kind}: ${fallback.reason.slice(0, 100)}`);
        if ('code' in reference) report.referenceRejects++;
        if (corpus.mustStayFast) expect.fail(`${name} was delegated: ${fallback.reason}`);
        expect('nquads' in reference, `${name} was delegated, yet the reference accepts it`).toBe(false);
      }
      expect(report.fast).toBeGreaterThan(0);
      // Twice more: every shape is now known, so what can be turned into RDF from its template is.
      for (let pass = 0; pass < 2; pass++) {
        for (const [index, { name, document }] of corpus.documents.entries()) {
          expect(await outcomeOf(canonizer, document, corpus.documentLoader), `${name}, again`).toEqual(
            references[index],
          );
        }
      }
    });
  }
});

describe('the fast canonizer, where it delegates to the reference', () => {
  const withContext = (extra: JsonObject, body: JsonObject): JsonObject => ({
    ...credential(),
    '@context': [...OB_CONTEXTS, extra],
    ...body,
  });
  const cases: [string, () => JsonObject, RegExp][] = [
    [
      'a @reverse term',
      () =>
        withContext(
          { ex: 'https://example.org/', childOf: { '@reverse': 'ex:parent' } },
          { childOf: { id: 'https://example.org/p' } },
        ),
      /reverse property/,
    ],
    ['@nest', () => withContext({ meta: '@nest' }, { meta: { description: 'nested' } }), /@nest/],
    [
      '@included',
      () => ({
        ...credential(),
        '@included': [{ id: 'https://example.org/x', type: ['Profile'], name: 'x' }],
      }),
      /@included/,
    ],
    [
      'an @index map',
      () =>
        withContext(
          { byKey: { '@id': 'https://example.org/by', '@container': '@index' } },
          { byKey: { a: 'one', b: 'two' } },
        ),
      /container @index/,
    ],
    [
      'a language map',
      () =>
        withContext(
          { names: { '@id': 'https://example.org/names', '@container': '@language' } },
          { names: { en: 'Hello', fr: 'Bonjour' } },
        ),
      /container @language/,
    ],
    [
      'a base direction',
      () => ({ ...credential(), name: { '@value': 'مرحبا', '@direction': 'rtl' } }),
      /@direction/,
    ],
    ['a relative @id', () => ({ ...credential(), id: 'credentials/1' }), /@id that is not an absolute IRI/],
    [
      'a relative IRI value',
      () => ({ ...credential(), issuer: 'issuers/1' }),
      /reference that is not an absolute IRI/,
    ],
    [
      'an explicit @graph',
      () => ({ ...credential(), '@graph': [{ id: 'https://example.org/x', name: 'x' }] }),
      /keyword @graph/,
    ],
    ['an explicit @list object', () => ({ ...credential(), name: { '@list': ['a', 'b'] } }), /keyword @list/],
    ['an array in an array', () => ({ ...credential(), name: [['a'], 'b'] }), /array inside an array/],
    ['a null @value', () => ({ ...credential(), name: { '@value': null } }), /@value that is null/],
    [
      'a node reference alone at the top',
      () => ({ '@context': OB_CONTEXTS, id: 'https://example.org/x' }),
      /expansion drops/,
    ],
    ['a document without @context', () => ({ id: 'https://example.org/x', name: 'x' }), /not defined/],
    [
      'a __proto__ key, which jsonld.js silently drops',
      () =>
        JSON.parse(
          `{"@context":${JSON.stringify(OB_CONTEXTS)},"type":["VerifiableCredential"],"__proto__":{"name":"x"},"name":"y"}`,
        ) as JsonObject,
      /__proto__/,
    ],
    ['a value that is not JSON', () => ({ ...credential(), name: new Date(0) }), /not JSON/],
    [
      'a context the loader does not hold',
      () => ({ ...credential(), '@context': [...OB_CONTEXTS, 'https://example.org/unknown-context'] }),
      /not bundled/,
    ],
  ];
  for (const [feature, build, reason] of cases) {
    it(`delegates a document with ${feature}, and returns exactly what the reference returns`, async () => {
      const { compare } = observedCanonizer();
      const { fast, reference, fallback } = await compare(build());
      expect(fallback?.reason).toMatch(reason);
      expect(fast).toEqual(reference);
    });
  }

  it('handles value objects with a language or a datatype itself, identically', async () => {
    const { compare } = observedCanonizer();
    const document = {
      ...credential(),
      name: [
        { '@value': 'Grundlagen', '@language': 'DE-ch' },
        { '@value': 'Foundations', '@language': 'en' },
        { '@value': '2026-01-01', '@type': 'xsd:date' },
        { '@value': 42 },
      ],
    };
    const { fast, reference, fallback } = await compare(document);
    expect(fallback).toBeUndefined();
    expect(fast).toEqual(reference);
    expect('nquads' in fast ? fast.nquads : '').toContain('"Grundlagen"@de-ch');
  });

  it('stops on a poisoned blank-node graph exactly where the reference stops (maxWorkFactor)', async () => {
    const { compare } = observedCanonizer();
    const knows = 'https://example.org/knows';
    // A 4-clique of blank nodes: RDFC-1.0 needs 4^4 deep iterations, so work factors 1-3 stop it.
    const clique = Array.from({ length: 4 }, (_, index) => ({
      id: `_:n${index}`,
      [knows]: [0, 1, 2, 3].filter((other) => other !== index).map((other) => ({ id: `_:n${other}` })),
    }));
    const subject = { ...(credential().credentialSubject as JsonObject), [knows]: clique };
    const document = { ...credential(), credentialSubject: subject };
    for (const maxWorkFactor of [1, 3]) {
      const limited = await compare(document, bundledDocumentLoader, maxWorkFactor);
      expect(limited.reference).toEqual({ code: 'RANGE_ERROR' });
      expect(limited.fast).toEqual(limited.reference);
      expect(limited.fallback?.kind).toBe('canonicalization');
    }
    const allowed = await compare(document, bundledDocumentLoader, 4);
    expect(allowed.fallback).toBeUndefined();
    expect('nquads' in allowed.fast).toBe(true);
    expect(allowed.fast).toEqual(allowed.reference);
  });

  it('never uses a context one document loader served for a document canonized with another', async () => {
    const url = 'https://example.org/contexts/favourite';
    const extra = { '@context': { favouriteColour: 'https://example.org/vocab#favouriteColour' } };
    const serving = createDocumentLoader({ extraDocuments: new Map([[url, extra]]) });
    const document = { ...credential(), '@context': [...OB_CONTEXTS, url], favouriteColour: 'blue' };
    const { compare } = observedCanonizer();
    const served = await compare(document, serving);
    expect(served.fallback).toBeUndefined();
    expect('nquads' in served.fast ? served.fast.nquads : '').toContain('favouriteColour> "blue"');
    const refused = await compare(document, bundledDocumentLoader);
    expect(refused.fast).toEqual({ code: 'UNKNOWN_CONTEXT' });
    expect(refused.reference).toEqual({ code: 'UNKNOWN_CONTEXT' });
  });
});

describe('the fast canonizer, on documents mutated to use an undefined term or type', () => {
  const mutations: [string, (document: JsonObject) => void][] = [
    ['a term at the top level', (d) => Object.assign(d, { favouriteColour: 'blue' })],
    ['a term in the issuer', (d) => Object.assign(d.issuer as JsonObject, { favouriteColour: 'blue' })],
    [
      'a term in the subject',
      (d) => Object.assign(d.credentialSubject as JsonObject, { favouriteColour: 'blue' }),
    ],
    ['a term in the achievement', (d) => Object.assign(achievementOf(d), { favouriteColour: 'blue' })],
    [
      'a term in an alignment',
      (d) =>
        Object.assign((achievementOf(d).alignment as JsonObject[])[2] as JsonObject, {
          favouriteColour: 'blue',
        }),
    ],
    [
      'a term in the evidence',
      (d) => Object.assign((d.evidence as JsonObject[])[0] as JsonObject, { favouriteColour: 'blue' }),
    ],
    ['a credential type', (d) => (d.type as string[]).push('FavouriteCredential')],
    ['an achievement type', (d) => (achievementOf(d).type as string[]).push('FavouriteAchievement')],
  ];
  function achievementOf(document: JsonObject): JsonObject {
    return (document.credentialSubject as JsonObject).achievement as JsonObject;
  }

  for (const [where, mutate] of mutations) {
    it(`fails with UNDEFINED_TERM, as the reference does, for ${where}`, async () => {
      const document = credential();
      mutate(document);
      const { compare } = observedCanonizer();
      const { fast, reference } = await compare(document);
      expect(reference).toEqual({ code: 'UNDEFINED_TERM' });
      expect(fast).toEqual(reference);
    });
  }
});

describe('rdfcFastCanonizer', () => {
  it('delegates to the reference canonizer by default', async () => {
    const document = { ...credential(), favouriteColour: 'blue' };
    await expect(
      rdfcFastCanonizer.canonize(document, { documentLoader: bundledDocumentLoader }),
    ).rejects.toMatchObject({
      code: 'UNDEFINED_TERM',
    });
  });
});
