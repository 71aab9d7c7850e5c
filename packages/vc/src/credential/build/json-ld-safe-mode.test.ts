import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { bundledDocumentLoader } from '../../contexts/index.js';
import {
  minimalCredentialOptions,
  richCredentialOptions,
  testEndorsement,
  testIssuer,
  testSignedCredential,
} from '../test-credentials.js';
import { buildAchievement } from './build-achievement.js';
import { buildAchievementCredential } from './build-achievement-credential.js';
import { buildClrCredential } from './build-clr-credential.js';

// Safe mode turns every term or type that no context defines into an error instead of silently
// dropping it from the signed N-Quads: the check that builders only emit defined terms.
const canonizeSafely = (document: unknown): Promise<string> =>
  jsonld.canonize(document, {
    algorithm: 'RDFC-1.0',
    format: 'application/n-quads',
    safe: true,
    documentLoader: bundledDocumentLoader,
  });

const clrOptions = () => {
  const component = minimalCredentialOptions().achievement;
  const qualification = buildAchievement({
    id: 'https://issuer.example/achievements/certificate',
    name: 'Data Certificate',
    description: 'Stacks the micro-credentials.',
    criteria: { narrative: 'Earn every component.' },
    achievementType: 'Certificate',
  });
  return {
    id: 'urn:uuid:7d3c2a10-0000-4000-8000-000000000002',
    issuer: testIssuer(),
    name: 'Learner record',
    validFrom: '2025-02-01T00:00:00Z',
    subject: { id: 'did:example:learner1' },
    verifiableCredential: [testSignedCredential()],
    achievement: [qualification, component],
    association: [
      { associationType: 'isParentOf' as const, sourceId: qualification.id, targetId: component.id },
    ],
  };
};

describe('built documents in JSON-LD safe mode with the bundled contexts', () => {
  it('canonicalize: minimal credential', async () => {
    const nquads = await canonizeSafely(buildAchievementCredential(minimalCredentialOptions()));
    expect(nquads).toContain('<https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential>');
  });

  it('canonicalize: rich credential with every optional part', async () => {
    const nquads = await canonizeSafely(buildAchievementCredential(richCredentialOptions()));
    expect(nquads).toContain('"94567"');
    expect(nquads).toContain('<https://www.w3.org/ns/credentials/status#BitstringStatusListEntry>');
    expect(nquads).toContain(
      '<https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievementType> "MicroCredential"',
    );
  });

  it('canonicalize: endorsement credential', async () => {
    const { proof: _proof, ...endorsement } = testEndorsement();
    await expect(canonizeSafely(endorsement)).resolves.toContain('EndorsementCredential');
  });

  it('canonicalize: CLR credential, with and without `partial`', async () => {
    await expect(canonizeSafely(buildClrCredential(clrOptions()))).resolves.toContain('ClrCredential');
    const partial = await canonizeSafely(buildClrCredential({ ...clrOptions(), partial: true }));
    expect(partial).toContain('<https://purl.imsglobal.org/spec/vc/clr/vocab.html#partial>');
  });

  it('reject an undefined term, so the checks above can fail', async () => {
    const credential = buildAchievementCredential(minimalCredentialOptions());
    await expect(canonizeSafely({ ...credential, favouriteColour: 'blue' })).rejects.toThrow(/safe mode/i);
  });

  it('reject `partial` without the inline context, which is why the CLR builder adds it', async () => {
    const clr = buildClrCredential({ ...clrOptions(), partial: true });
    await expect(canonizeSafely({ ...clr, '@context': clr['@context'].slice(0, -1) })).rejects.toThrow(
      /safe mode/i,
    );
  });
});
