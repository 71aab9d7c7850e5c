import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildAchievement,
  buildAchievementCredential,
  buildProfile,
  hashIdentity,
} from '../credential/index.js';
import { createEd25519SigningKey, didKeyFromPublicKey, generateEd25519KeyPair } from '../did/index.js';
import type { JsonObject } from '../json/index.js';
import { addDataIntegrityProof } from '../proof/data-integrity/index.js';
import { verifyCredential } from './verify-credential-default.js';

const seed = new Uint8Array(createHash('sha256').update('microcred/property').digest());
const did = didKeyFromPublicKey(generateEd25519KeyPair(seed).publicKey);
const key = createEd25519SigningKey({ secretKey: seed, id: `${did}#${did.slice(8)}`, controller: did });
const now = new Date('2026-11-23T00:00:00Z');

const text = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  .filter((value) => value.trim().length > 0);

const credentialArbitrary = fc.record({
  name: text,
  description: text,
  narrative: text,
  tags: fc.array(text, { maxLength: 3 }),
  skills: fc.array(fc.record({ name: text, code: fc.stringMatching(/^[A-Z]{2}[0-9]{3}$/) }), {
    maxLength: 3,
  }),
  credits: fc.option(fc.double({ min: 0.5, max: 60, noNaN: true }), { nil: undefined }),
  email: fc.emailAddress(),
});

type CredentialInput = typeof credentialArbitrary extends fc.Arbitrary<infer T> ? T : never;

async function signedCredential(input: CredentialInput): Promise<JsonObject> {
  const achievement = buildAchievement({
    id: 'https://example.edu/achievements/property',
    name: input.name,
    description: input.description,
    criteria: { narrative: input.narrative },
    achievementType: 'MicroCredential',
    ...(input.tags.length === 0 ? {} : { tag: input.tags }),
    ...(input.skills.length === 0
      ? {}
      : {
          alignment: input.skills.map((skill) => ({
            targetName: skill.name,
            targetUrl: `https://skills.example.org/${skill.code}`,
            targetCode: skill.code,
          })),
        }),
  });
  const credential = buildAchievementCredential({
    id: 'urn:uuid:9a6d1f3e-0000-4000-8000-000000000001',
    issuer: buildProfile({ id: did, name: 'Property University' }),
    achievement,
    recipient: { identifier: [hashIdentity({ identity: input.email, salt: 'pepper' })] },
    validFrom: '2026-01-01T00:00:00Z',
    ...(input.credits === undefined ? {} : { creditsEarned: input.credits }),
  }) as unknown as JsonObject;
  return addDataIntegrityProof({ document: credential, key, created: '2026-01-01T00:00:00Z' });
}

/** Every leaf of the signed credential outside the proof, as a path. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([name, item]) =>
      path.length === 0 && name === 'proof' ? [] : leaves(item, [...path, name]),
    );
  }
  return [path];
}

function mutated(document: JsonObject, path: (string | number)[]): JsonObject {
  const copy = structuredClone(document) as JsonObject;
  let parent: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  const value = parent[last];
  parent[last] =
    typeof value === 'number' ? value + 1 : typeof value === 'boolean' ? !value : `${String(value)}!`;
  return copy;
}

describe('sign → verify (property)', () => {
  it('every credential we build and sign verifies', async () => {
    await fc.assert(
      fc.asyncProperty(credentialArbitrary, async (input) => {
        const report = await verifyCredential(await signedCredential(input), { now });
        expect(report.checks.filter((check) => !check.ok)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('changing any single field of a signed credential breaks it', async () => {
    await fc.assert(
      fc.asyncProperty(credentialArbitrary, fc.nat(), async (input, pick) => {
        const signed = await signedCredential(input);
        const paths = leaves(signed);
        const path = paths[pick % paths.length] ?? ['name'];
        const report = await verifyCredential(mutated(signed, path), { now });
        expect(report.verified, `changed ${path.join('.')}`).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});
