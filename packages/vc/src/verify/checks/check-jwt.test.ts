import { describe, expect, it } from 'vitest';
import { signCredentialJwt } from '../../proof/jwt/index.js';
import { checkJwt } from './check-jwt.js';
import { checkParse } from './check-parse.js';
import { didKeySigner, testBadge, testContext } from './test-verification-context.js';

const key = didKeySigner(41);

async function afterParse(input: string) {
  const context = testContext(input);
  const parsed = await checkParse(context);
  return { ...context, ...parsed.learned };
}

describe('checkJwt', () => {
  it('says nothing about a credential that is not a JWT', async () => {
    expect(await checkJwt(await afterParse(JSON.stringify(testBadge(key.controller))))).toEqual({});
  });

  it('hands on the credential a verified JWT carries and the controller of its key', async () => {
    const jwt = await signCredentialJwt({ credential: testBadge(key.controller), alg: 'EdDSA', key });
    const result = await checkJwt(await afterParse(jwt));
    expect(result.stop).toBe(false);
    expect(result.checks?.find((check) => check.id === 'jwt.signature')?.ok).toBe(true);
    expect(result.checks?.every((check) => check.ok)).toBe(true);
    expect(result.learned).toMatchObject({
      controller: key.controller,
      credential: { issuer: { id: key.controller } },
    });
  });

  it('stops the pipeline when the JWT yields no credential (signature broken)', async () => {
    const jwt = await signCredentialJwt({ credential: testBadge(key.controller), alg: 'EdDSA', key });
    const [header, payload, signature = ''] = jwt.split('.');
    const broken = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const result = await checkJwt(await afterParse(broken));
    expect(result.stop).toBe(true);
    expect(result.learned?.credential).toBeUndefined();
    expect(result.checks?.some((check) => !check.ok)).toBe(true);
  });
});
