import { describe, expect, it } from 'vitest';
import { checkSchema } from './check-schema.js';
import { testBadge, testCredentialContext } from './test-verification-context.js';

const badge = testBadge('https://issuer.example/issuers/1');

describe('checkSchema', () => {
  it('passes a badge that conforms to the OB 3.0 JSON Schema', async () => {
    const result = await checkSchema(testCredentialContext(badge));
    expect(result.checks).toEqual([
      { id: 'schema', ok: true, message: 'conforms to the OB 3.0 AchievementCredential JSON Schema' },
    ]);
  });

  it('warns, without failing, when the badge does not conform', async () => {
    const result = await checkSchema(testCredentialContext({ ...badge, validFrom: 'yesterday' }));
    expect(result.checks).toHaveLength(1);
    expect(result.checks?.[0]).toMatchObject({ id: 'schema', ok: true, warning: true });
    expect(result.checks?.[0]?.message).toMatch(/^does not conform to the OB 3.0 JSON Schema: .*validFrom/);
  });

  it('names the declared schemas it cannot check offline', async () => {
    const credentialSchema = {
      id: 'https://schemas.example/badge.json',
      type: '1EdTechJsonSchemaValidator2019',
    };
    const result = await checkSchema(testCredentialContext({ ...badge, credentialSchema }));
    expect(result.checks?.[1]).toEqual({
      id: 'schema-other',
      ok: true,
      warning: true,
      message: 'schemas not available offline were not checked: https://schemas.example/badge.json',
    });
  });

  it('applies only to VC 2.0 Open Badges', async () => {
    const legacy = { ...badge, '@context': ['https://www.w3.org/2018/credentials/v1'] };
    const plain = { ...badge, type: ['VerifiableCredential'] };
    expect(await checkSchema(testCredentialContext(legacy))).toEqual({});
    expect(await checkSchema(testCredentialContext(plain))).toEqual({});
  });
});
