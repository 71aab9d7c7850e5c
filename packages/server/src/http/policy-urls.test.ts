import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test/support/test-app.js';
import { PUBLIC_URL } from '../../test/support/test-platform.js';

const DISCOVERY = '/ims/ob/v3p0/discovery';
const AUTHORIZATION_SERVER = '/.well-known/oauth-authorization-server';

/** The privacy policy and terms each machine-readable document names: the three places must agree. */
async function namedPolicies(test: TestApp) {
  const discovery = (await test.call(DISCOVERY)).body;
  const metadata = (await test.call(AUTHORIZATION_SERVER)).body;
  return {
    discoveryTerms: discovery.info.termsOfService,
    discoveryPrivacy: discovery.info['x-imssf-privacyPolicyUrl'],
    schemePrivacy: discovery.components.securitySchemes.OAuth2ACG['x-imssf-privacyPolicyUrl'],
    opPolicy: metadata.op_policy_uri,
    opTos: metadata.op_tos_uri,
  };
}

describe('the privacy policy and terms named by the OB 3.0 discovery document and the OAuth metadata', () => {
  const opened: TestApp[] = [];
  let builtIn: TestApp;
  let operators: TestApp;
  let privacyOnly: TestApp;

  beforeAll(async () => {
    builtIn = await openTestApp('pglite', { web: { secureCookies: true, devMailbox: false } });
    operators = await openTestApp('pglite', {
      platform: {
        policies: {
          privacyPolicyUrl: 'https://www.example.edu/legal/privacy',
          termsOfServiceUrl: 'https://www.example.edu/legal/terms',
        },
      },
    });
    privacyOnly = await openTestApp('pglite', {
      platform: { policies: { privacyPolicyUrl: 'https://www.example.edu/legal/privacy' } },
    });
    opened.push(builtIn, operators, privacyOnly);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(opened.map((test) => test.close()));
  });

  it('names the built-in /privacy page for both when the operator names neither (not the home page)', async () => {
    const privacy = `${PUBLIC_URL}/privacy`;
    expect(await namedPolicies(builtIn)).toEqual({
      discoveryTerms: privacy,
      discoveryPrivacy: privacy,
      schemePrivacy: privacy,
      opPolicy: privacy,
      opTos: privacy,
    });
    // …and that page exists.
    expect((await builtIn.call('/privacy', { headers: { Accept: 'text/html' } })).status).toBe(200);
  });

  it('names the operator’s documents when PRIVACY_POLICY_URL and TERMS_OF_SERVICE_URL are set', async () => {
    expect(await namedPolicies(operators)).toEqual({
      discoveryTerms: 'https://www.example.edu/legal/terms',
      discoveryPrivacy: 'https://www.example.edu/legal/privacy',
      schemePrivacy: 'https://www.example.edu/legal/privacy',
      opPolicy: 'https://www.example.edu/legal/privacy',
      opTos: 'https://www.example.edu/legal/terms',
    });
  });

  it('names the operator’s privacy policy for the terms too when only PRIVACY_POLICY_URL is set', async () => {
    const named = await namedPolicies(privacyOnly);
    expect(new Set(Object.values(named))).toEqual(new Set(['https://www.example.edu/legal/privacy']));
  });
});
