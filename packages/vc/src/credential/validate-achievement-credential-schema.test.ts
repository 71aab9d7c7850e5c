import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAchievementCredential } from './build/index.js';
import { minimalCredentialOptions, richCredentialOptions } from './test-credentials.js';
import { validateAchievementCredentialSchema } from './validate-achievement-credential-schema.js';

const EXAMPLES = new URL('../../../../../shared/data/ob3/examples/', import.meta.url);
const readExample = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(name, EXAMPLES), 'utf8')) as Record<string, unknown>;

describe('validateAchievementCredentialSchema', () => {
  it.each([
    'basic-openbadgecredential.json',
    'complete-openbadgecredential.json',
    'achievement-alignment-case.json',
    'achievement-alignment-ctdl.json',
    'sample-file-contents.json',
    'skill-assertion-case.json',
    'skill-assertion-ctdl.json',
  ])('accepts the spec example %s', (name) => {
    expect(validateAchievementCredentialSchema(readExample(name))).toEqual({ valid: true, errors: [] });
  });

  it('accepts the minimal and the rich built credential', () => {
    expect(
      validateAchievementCredentialSchema(buildAchievementCredential(minimalCredentialOptions())).errors,
    ).toEqual([]);
    expect(
      validateAchievementCredentialSchema(buildAchievementCredential(richCredentialOptions())).errors,
    ).toEqual([]);
  });

  it('rejects `type` compacted to a single string', () => {
    const report = validateAchievementCredentialSchema({
      ...readExample('basic-openbadgecredential.json'),
      type: 'OpenBadgeCredential',
    });
    expect(report.valid).toBe(false);
    expect(report.errors.map((error) => error.path)).toContain('/type');
  });

  it('rejects a credential without validFrom', () => {
    const { validFrom: _validFrom, ...withoutValidFrom } = readExample('basic-openbadgecredential.json');
    const report = validateAchievementCredentialSchema(withoutValidFrom);
    expect(report.valid).toBe(false);
    expect(report.errors).toContainEqual({ path: '/', message: "must have required property 'validFrom'" });
  });

  it('rejects a proof object instead of an array of proofs', () => {
    const report = validateAchievementCredentialSchema({
      ...readExample('basic-openbadgecredential.json'),
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z1' },
    });
    expect(report.valid).toBe(false);
    expect(report.errors).toContainEqual({ path: '/proof', message: 'must be array' });
  });

  it('rejects a validFrom without timezone (format date-time)', () => {
    const report = validateAchievementCredentialSchema({
      ...readExample('basic-openbadgecredential.json'),
      validFrom: '2010-01-01T00:00:00',
    });
    expect(report.valid).toBe(false);
    expect(report.errors.map((error) => error.path)).toContain('/validFrom');
  });

  it('reports instead of throwing for something that is not a credential', () => {
    expect(validateAchievementCredentialSchema('not a credential').valid).toBe(false);
    expect(validateAchievementCredentialSchema(null).valid).toBe(false);
  });
});
