import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledDocumentLoader } from '../contexts/index.js';
import { isMicrocredError } from '../error/index.js';
import type { Canonizer } from './canonizer.js';
import { jsonLdToRdf } from './json-ld-to-rdf.js';
import { createRdfcFastCanonizer } from './rdfc-fast-canonizer.js';
import { rdfcReferenceCanonizer } from './rdfc-reference-canonizer.js';
import { writeQuad } from './rdfc10-unique.js';
import { ShapeTemplates, writtenKey } from './shape-templates.js';

const OB_CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
];

/** Every string a credential of this one shape holds, by where it sits. */
interface Strings {
  readonly id: string;
  readonly name: string;
  readonly issuerId: string;
  readonly issuerName: string;
  readonly issuerUrl: string;
  readonly validFrom: string;
  readonly achievementId: string;
  readonly achievementName: string;
  readonly narrative: string;
  readonly achievementType: string;
  readonly targetUrl: string;
  readonly targetName: string;
  readonly resultDescriptionId: string;
  readonly resultType: string;
  readonly resultValue: string;
  readonly resultDescriptionRef: string;
  readonly evidenceId: string;
  readonly evidenceName: string;
  readonly tag: string;
}

const EXAMPLE: Strings = {
  id: 'urn:uuid:6f1c2a3e-0000-4000-8000-000000000001',
  name: 'Data Analytics Foundations',
  issuerId: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
  issuerName: 'Demo University',
  issuerUrl: 'https://demo.example.edu',
  validFrom: '2026-01-15T09:00:00Z',
  achievementId: 'https://demo.example.edu/achievements/data',
  achievementName: 'Data Analytics',
  narrative: 'Complete all six modules.',
  achievementType: 'MicroCredential',
  targetUrl: 'https://esco.example.org/skill/1',
  targetName: 'SQL querying',
  resultDescriptionId: 'urn:uuid:rd-final-score',
  resultType: 'Percent',
  resultValue: '82',
  resultDescriptionRef: 'urn:uuid:rd-final-score',
  evidenceId: 'https://demo.example.edu/evidence/1',
  evidenceName: 'Capstone analysis',
  tag: 'data',
};

function credentialOf(strings: Strings): Record<string, unknown> {
  return {
    '@context': OB_CONTEXTS,
    id: strings.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: strings.name,
    issuer: { id: strings.issuerId, type: ['Profile'], name: strings.issuerName, url: strings.issuerUrl },
    validFrom: strings.validFrom,
    credentialSubject: {
      type: ['AchievementSubject'],
      creditsEarned: 3,
      result: [
        { type: ['Result'], value: strings.resultValue, resultDescription: strings.resultDescriptionRef },
      ],
      achievement: {
        id: strings.achievementId,
        type: ['Achievement'],
        name: strings.achievementName,
        achievementType: strings.achievementType,
        criteria: { narrative: strings.narrative },
        tag: [strings.tag, 'analytics'],
        alignment: [{ type: ['Alignment'], targetName: strings.targetName, targetUrl: strings.targetUrl }],
        resultDescription: [
          {
            id: strings.resultDescriptionId,
            type: ['ResultDescription'],
            name: strings.name,
            resultType: strings.resultType,
          },
        ],
      },
    },
    evidence: [{ id: strings.evidenceId, type: ['Evidence'], name: strings.evidenceName }],
  };
}

// Strings that land verbatim, strings that would not (relative and blank-node ids, IRIs with spaces,
// compact IRIs, keywords, vocabulary terms), and a small pool so that two places often hold the same
// string (two nodes with one id merge; two equal values of one property are one quad).
const pool = fc.constantFrom(
  'urn:uuid:shared',
  'https://demo.example.edu/evidence/1',
  'Data Analytics',
  'data',
  'analytics',
  'Percent',
  'LetterGrade',
);
const awkward = fc.constantFrom(
  '',
  'relative/path',
  '_:b0',
  '_:c14n0',
  'https://with space.example',
  'https:no-slashes',
  'xsd:string',
  'ob:Achievement',
  '@id',
  '@type',
  'urn:x-microcred-probe:0',
  'did:example:123',
  'DID:EXAMPLE:upper',
  'mailto:someone@example.org',
  '2026-01-15T09:00:00Z',
  'line\nbreak "quoted" \\ \u0000',
  '\uD800 lone surrogate',
);
const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 3, arbitrary: fc.nat(20).map((n) => `https://example.edu/things/${n}`) },
  { weight: 3, arbitrary: fc.uuid().map((uuid) => `urn:uuid:${uuid}`) },
  { weight: 3, arbitrary: pool },
  { weight: 2, arbitrary: awkward },
);
// Mostly strings of the kind each place holds in practice (so that most documents fit the template
// and the property tests the holes), else anything.
const likely: Partial<Record<keyof Strings, fc.Arbitrary<string>>> = {
  id: fc.uuid().map((uuid) => `urn:uuid:${uuid}`),
  issuerId: fc.constantFrom('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', 'did:key:z6Mkother'),
  achievementId: fc.nat(20).map((n) => `https://demo.example.edu/achievements/${n}`),
  resultDescriptionId: fc.constantFrom('urn:uuid:rd-final-score', 'urn:uuid:shared', 'urn:uuid:rd-2'),
  evidenceId: fc.nat(20).map((n) => `https://demo.example.edu/evidence/${n}`),
};
const strings: fc.Arbitrary<Strings> = fc.record(
  Object.fromEntries(
    (Object.keys(EXAMPLE) as (keyof Strings)[]).map((key) => [
      key,
      fc.oneof(
        { weight: 4, arbitrary: likely[key] ?? fc.string({ maxLength: 16 }) },
        { weight: 1, arbitrary: anyString },
      ),
    ]),
  ) as Record<keyof Strings, fc.Arbitrary<string>>,
);

async function outcomeOf(canonizer: Canonizer, document: object) {
  try {
    return { nquads: await canonizer.canonize(document, { documentLoader: bundledDocumentLoader }) };
  } catch (error) {
    return { code: isMicrocredError(error) ? error.code : String(error) };
  }
}

function variant(index: number): Strings {
  return {
    ...EXAMPLE,
    id: `urn:uuid:6f1c2a3e-0000-4000-8000-${String(index).padStart(12, '0')}`,
    resultValue: String(index),
    evidenceId: `https://demo.example.edu/evidence/${index}`,
  };
}

describe('shape templates', () => {
  it('turns a credential of a shape seen twice into RDF from the template, the same dataset expansion gives', async () => {
    const templates = new ShapeTemplates();
    for (const index of [1, 2]) {
      const document = credentialOf(variant(index));
      const { templated, reading } = templates.writtenQuadsOf(document, bundledDocumentLoader);
      expect(templated).toBeUndefined();
      const expanded = await jsonLdToRdf({ document, documentLoader: bundledDocumentLoader });
      await templates.learn({
        document,
        reading: reading as NonNullable<typeof reading>,
        dataset: expanded,
        documentLoader: bundledDocumentLoader,
      });
    }
    const third = credentialOf(variant(3));
    const templated = templates.writtenQuadsOf(third, bundledDocumentLoader).templated?.written;
    const expanded = await jsonLdToRdf({ document: third, documentLoader: bundledDocumentLoader });
    expect(templated).toBeDefined();
    expect((templated ?? []).map(writtenKey).sort()).toEqual(expanded.map(writeQuad).map(writtenKey).sort());
  });

  it('is never used with another document loader than the one it was learnt with', async () => {
    const templates = new ShapeTemplates();
    const otherLoader: typeof bundledDocumentLoader = (url) => bundledDocumentLoader(url);
    for (const index of [1, 2]) {
      const document = credentialOf(variant(index));
      const { reading } = templates.writtenQuadsOf(document, bundledDocumentLoader);
      const dataset = await jsonLdToRdf({ document, documentLoader: bundledDocumentLoader });
      await templates.learn({
        document,
        reading: reading as NonNullable<typeof reading>,
        dataset,
        documentLoader: bundledDocumentLoader,
      });
    }
    expect(templates.writtenQuadsOf(credentialOf(variant(3)), otherLoader).templated).toBeUndefined();
  });

  it('gives the reference N-Quads, or its error, for any strings in a shape it has learnt', async () => {
    let templated = 0;
    const fast = createRdfcFastCanonizer({ onTemplated: () => templated++ });
    for (const index of [1, 2])
      await fast.canonize(credentialOf(variant(index)), { documentLoader: bundledDocumentLoader });
    await fc.assert(
      fc.asyncProperty(strings, async (values) => {
        const document = credentialOf(values);
        expect(await outcomeOf(fast, document)).toEqual(await outcomeOf(rdfcReferenceCanonizer, document));
      }),
      { numRuns: 250 },
    );
    // The property above means something only if most documents took the template.
    expect(templated).toBeGreaterThan(100);
  });

  it('gives the reference N-Quads where equal strings make two quads one (equal values, merged nodes)', async () => {
    let templated = 0;
    const fast = createRdfcFastCanonizer({ onTemplated: () => templated++ });
    for (const index of [1, 2])
      await fast.canonize(credentialOf(variant(index)), { documentLoader: bundledDocumentLoader });
    const equalTags = credentialOf({ ...variant(3), tag: 'analytics' });
    const evidenceIsCredential = credentialOf({
      ...variant(4),
      evidenceId: variant(4).id,
      evidenceName: variant(4).name,
    });
    const evidenceIsAchievement = credentialOf({
      ...variant(5),
      evidenceId: variant(5).achievementId,
      evidenceName: variant(5).achievementName,
    });
    for (const document of [equalTags, evidenceIsCredential, evidenceIsAchievement]) {
      expect(await outcomeOf(fast, document)).toEqual(await outcomeOf(rdfcReferenceCanonizer, document));
    }
    // From the template, which keeps one of each pair that came out equal, but for the evidence that is
    // the credential: its id is a urn where the template's evidence has an https id.
    expect(templated).toBe(2);
  });

  it('learns and uses a template for documents in which two nodes are always one (the issuer as creator)', async () => {
    let templated = 0;
    const fast = createRdfcFastCanonizer({ onTemplated: () => templated++ });
    // As every credential issued here says it: the achievement's creator is the issuer, name and type alike.
    const issuedHere = (index: number) => {
      const document = credentialOf(variant(index));
      const issuer = document.issuer as Record<string, unknown>;
      const subject = document.credentialSubject as Record<string, Record<string, unknown>>;
      subject.achievement = {
        ...subject.achievement,
        creator: { id: issuer.id, type: ['Profile'], name: issuer.name },
      };
      return document;
    };
    for (const index of [1, 2, 3, 4, 5]) {
      const document = issuedHere(index);
      expect(await outcomeOf(fast, document)).toEqual(await outcomeOf(rdfcReferenceCanonizer, document));
    }
    expect(templated).toBe(3);
  });

  it('leaves to the expansion a document whose string differs where the template holds a fixed one', async () => {
    let templated = 0;
    const fast = createRdfcFastCanonizer({ onTemplated: () => templated++ });
    // A blank node id is no hole: the template keeps it.
    const withBlankEvidence = (index: number) =>
      credentialOf({ ...variant(index), evidenceId: '_:evidence' });
    for (const index of [1, 2])
      await fast.canonize(withBlankEvidence(index), { documentLoader: bundledDocumentLoader });
    const other = credentialOf({ ...variant(3), evidenceId: '_:other' });
    expect(await outcomeOf(fast, other)).toEqual(await outcomeOf(rdfcReferenceCanonizer, other));
    expect(templated).toBe(0);
    const same = withBlankEvidence(4);
    expect(await outcomeOf(fast, same)).toEqual(await outcomeOf(rdfcReferenceCanonizer, same));
    expect(templated).toBe(1);
  });

  it('learns no template for a document too large to be a credential, which is expanded every time', async () => {
    let templated = 0;
    const fast = createRdfcFastCanonizer({ onTemplated: () => templated++ });
    const large = (index: number) => ({
      ...credentialOf(variant(index)),
      evidence: Array.from({ length: 1000 }, (_, item) => ({
        id: `https://demo.example.edu/evidence/${index}/${item}`,
        type: ['Evidence'],
        name: `Item ${item}`,
      })),
    });
    for (const index of [1, 2, 3]) {
      const document = large(index);
      expect(await outcomeOf(fast, document)).toEqual(await outcomeOf(rdfcReferenceCanonizer, document));
    }
    expect(templated).toBe(0);
  });
});
