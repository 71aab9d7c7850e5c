import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledDocumentLoader } from '../contexts/index.js';
import { isMicrocredError } from '../error/index.js';
import { signedParts } from './canonization-corpora.test-support.js';
import type { Canonizer } from './canonizer.js';
import { createRdfcFastCanonizer } from './rdfc-fast-canonizer.js';
import { rdfcReferenceCanonizer } from './rdfc-reference-canonizer.js';

const OB_CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
];
const DID = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

// Strings that stress N-Quads escaping and JCS: controls, quotes, NFD vs NFC, line separators,
// astral and lone surrogates.
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    '',
    ' ',
    'e\u0301',
    '\u00e9',
    'A\u030A',
    '\u0000',
    '\u0007\t\n\r\u007f',
    '"quoted" \\ back\\slash',
    '\u2028\u2029',
    '\u{1D518}\u{1D52B}',
    '\uD800',
    'a\uDC00b',
  ),
);
// JSON numbers whose xsd:integer / xsd:double lexical forms differ: -0, 1e21 (a double), 1e-7 (which
// jsonld.js writes as the integer 0), integers beyond 2^53, subnormals.
const number = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 1.5, 0.1, 1e21, 1e20, 1e-7, 2 ** 53, 2 ** 53 + 2, -(2 ** 60), 1e300, 5e-324),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const scalar = fc.oneof(text, number, fc.boolean());
const url = fc.nat(50).map((n) => `https://example.edu/things/${n}`);
const uuid = fc.uuid().map((value) => `urn:uuid:${value}`);
const dateTime = fc.constantFrom('2026-01-15T09:00:00Z', '2025-12-31T23:59:59.123+01:00', 'not a date');

const profile = fc.record(
  {
    id: fc.oneof(url, fc.constant(DID)),
    type: fc.constant(['Profile']),
    name: scalar,
    url: url,
    email: text,
    address: fc.record({
      type: fc.constant(['Address']),
      addressCountry: text,
      geo: fc.record({ type: fc.constant('GeoCoordinates'), latitude: number, longitude: number }),
    }),
  },
  { requiredKeys: ['id', 'type'] },
);
const alignment = fc.record(
  {
    type: fc.constant(['Alignment']),
    targetName: scalar,
    targetUrl: url,
    targetType: fc.constantFrom('ceasn:Competency', 'CFItem', 'ext:Custom'),
    targetCode: text,
  },
  { requiredKeys: ['type', 'targetName', 'targetUrl'] },
);
const resultDescription = fc.record(
  {
    id: uuid,
    type: fc.constant(['ResultDescription']),
    name: scalar,
    resultType: fc.constantFrom('Percent', 'LetterGrade', 'Status'),
    allowedValue: fc.array(text, { maxLength: 4 }),
  },
  { requiredKeys: ['id', 'type', 'name', 'resultType'] },
);
const achievement = fc.record(
  {
    id: url,
    type: fc.constant(['Achievement']),
    name: scalar,
    description: scalar,
    criteria: fc.record({ narrative: scalar }),
    alignment: fc.array(alignment, { maxLength: 4 }),
    tag: fc.array(text, { maxLength: 4 }),
    creditsAvailable: number,
    resultDescription: fc.array(resultDescription, { maxLength: 2 }),
  },
  { requiredKeys: ['id', 'type', 'name', 'criteria'] },
);
const subject = fc.record(
  {
    id: fc.constant('did:example:learner'),
    type: fc.constant(['AchievementSubject']),
    achievement,
    result: fc.array(
      fc.record(
        {
          type: fc.constant(['Result']),
          value: text,
          resultDescription: uuid,
          status: fc.constantFrom('Completed'),
        },
        { requiredKeys: ['type'] },
      ),
      { maxLength: 3 },
    ),
    identifier: fc.array(
      fc.record({
        type: fc.constant('IdentityObject'),
        hashed: fc.boolean(),
        identityHash: text,
        identityType: fc.constant('emailAddress'),
        salt: text,
      }),
      { maxLength: 2 },
    ),
    creditsEarned: number,
  },
  { requiredKeys: ['type', 'achievement'] },
);
const endorsement = fc.record({
  '@context': fc.constant(OB_CONTEXTS),
  id: uuid,
  type: fc.constant(['VerifiableCredential', 'EndorsementCredential']),
  issuer: profile,
  validFrom: dateTime,
  name: scalar,
  credentialSubject: fc.record({
    id: url,
    type: fc.constant(['EndorsementSubject']),
    endorsementComment: text,
  }),
});
const credential = fc
  .record(
    {
      '@context': fc.constant(OB_CONTEXTS),
      id: uuid,
      type: fc.constantFrom(
        ['VerifiableCredential', 'OpenBadgeCredential'],
        ['VerifiableCredential', 'AchievementCredential'],
      ),
      name: fc.oneof(
        scalar,
        fc.array(fc.record({ '@value': text, '@language': fc.constantFrom('en', 'de-CH', 'FR') }), {
          minLength: 1,
          maxLength: 3,
        }),
      ),
      description: scalar,
      issuer: profile,
      validFrom: dateTime,
      validUntil: dateTime,
      credentialSubject: subject,
      evidence: fc.array(
        fc.record(
          { id: url, type: fc.constant(['Evidence']), name: scalar, narrative: scalar },
          { requiredKeys: ['type'] },
        ),
        { maxLength: 3 },
      ),
      endorsement: fc.array(endorsement, { maxLength: 2 }),
      credentialSchema: fc.array(
        fc.record({ id: url, type: fc.constant('JsonSchema'), jsonSchema: fc.jsonValue({ maxDepth: 3 }) }),
        { maxLength: 1 },
      ),
    },
    { requiredKeys: ['@context', 'id', 'type', 'issuer', 'validFrom', 'credentialSubject'] },
  )
  // The issuer embedded again as the achievement's creator: one node met twice, merged, and blank
  // nodes (address, geo) that only RDFC-1.0's N-degree step can tell apart.
  .chain((document) =>
    fc.boolean().map((reuse) => {
      if (!reuse) return document;
      const { achievement: embedded, ...rest } = document.credentialSubject;
      return {
        ...document,
        credentialSubject: { ...rest, achievement: { ...embedded, creator: document.issuer } },
      };
    }),
  );

async function outcomeOf(canonizer: Canonizer, document: object) {
  try {
    return { nquads: await canonizer.canonize(document, { documentLoader: bundledDocumentLoader }) };
  } catch (error) {
    return { code: isMicrocredError(error) ? error.code : String(error) };
  }
}

describe('the fast canonizer on generated OB 3.0 credentials', () => {
  it('gives the reference N-Quads for each credential and its proof configuration', async () => {
    let documents = 0;
    let fallbacks = 0;
    const fast = createRdfcFastCanonizer({ onFallback: () => fallbacks++ });
    await fc.assert(
      fc.asyncProperty(credential, async (generated) => {
        const secured = {
          ...generated,
          proof: {
            type: 'DataIntegrityProof',
            cryptosuite: 'eddsa-rdfc-2022',
            created: '2026-01-15T09:00:00Z',
            verificationMethod: `${DID}#${DID.slice(8)}`,
            proofPurpose: 'assertionMethod',
          },
        };
        for (const { document } of signedParts('generated', secured)) {
          documents++;
          expect(await outcomeOf(fast, document)).toEqual(await outcomeOf(rdfcReferenceCanonizer, document));
        }
      }),
      { numRuns: 120 },
    );
    // The property would hold trivially if everything were delegated.
    expect(fallbacks).toBeLessThan(documents / 4);
  });

  it('fails the same way as the reference when a generated credential uses an undefined term', async () => {
    const fast = createRdfcFastCanonizer();
    await fc.assert(
      fc.asyncProperty(
        credential,
        fc.constantFrom('top', 'subject', 'achievement'),
        async (generated, where) => {
          const document = structuredClone(generated) as Record<string, unknown> & typeof generated;
          const target =
            where === 'top'
              ? document
              : where === 'subject'
                ? document.credentialSubject
                : document.credentialSubject.achievement;
          Object.assign(target, { favouriteColour: 'blue' });
          const reference = await outcomeOf(rdfcReferenceCanonizer, document);
          expect(reference).toEqual({ code: 'UNDEFINED_TERM' });
          expect(await outcomeOf(fast, document)).toEqual(reference);
        },
      ),
      { numRuns: 30 },
    );
  });
});
