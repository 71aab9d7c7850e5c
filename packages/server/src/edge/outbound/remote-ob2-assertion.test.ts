import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOb2Examples, type Ob2Examples } from '../../../../vc/test/support/ob2-examples.js';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createGuardedFetcher } from './create-guarded-fetcher.js';
import { parseFetchAllowList } from './fetch-allow-list.js';

interface Check {
  id: string;
  ok: boolean;
  code?: string;
  message: string;
}

function check(body: { checks: Check[] }, id: string): Check | undefined {
  return body.checks.find((item) => item.id === id);
}

/**
 * OB 2.0 end to end: the 1EdTech examples hosted by a local server on 127.0.0.1, verified by the platform
 * through the guarded fetcher (allow-listed), over `POST /credentials/verify` and on import; and nothing
 * fetched at all when the host is not allow-listed.
 */
describe('Open Badges 2.0 assertions hosted on another server', () => {
  let server: Server;
  let connections = 0;
  let examples: Ob2Examples;
  let documents: Map<string, unknown>;
  let gone: string;
  let allowed: TestApp;
  let notAllowed: TestApp;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const url = `${examples.origin}${request.url ?? ''}`;
      if (url === gone) {
        response.writeHead(410, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      const document = documents.get(url);
      response.writeHead(document === undefined ? 404 : 200, {
        'content-type': 'application/ld+json',
        'cache-control': 'no-store',
      });
      response.end(JSON.stringify(document ?? {}));
    });
    server.on('connection', () => {
      connections += 1;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    examples = buildOb2Examples(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    documents = examples.documents();
    gone = `${examples.origin}/gone.json`;
    allowed = await openTestApp('pglite', {
      web: { secureCookies: true, devMailbox: false },
      platform: {
        externalFetcher: createGuardedFetcher({ allow: parseFetchAllowList('127.0.0.1') ?? [] }).fetchJson,
      },
    });
    notAllowed = await openTestApp('pglite', {
      platform: { externalFetcher: createGuardedFetcher().fetchJson },
    });
  });

  afterAll(async () => {
    await allowed?.close();
    await notAllowed?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('verifies a hosted assertion sent as openBadgeAssertion', async () => {
    const response = await allowed.call('/credentials/verify', {
      json: { openBadgeAssertion: examples.hosted },
    });
    expect(response.status).toBe(200);
    expect(response.body.checks.filter((item: Check) => !item.ok)).toEqual([]);
    expect(response.body.verified).toBe(true);
  });

  it('verifies a signed assertion as openBadgeAssertion and as verifiableCredential', async () => {
    const jws = await examples.sign(examples.signedAssertion());
    for (const json of [{ openBadgeAssertion: jws }, { verifiableCredential: jws }]) {
      const response = await allowed.call('/credentials/verify', { json });
      expect(response.status).toBe(200);
      expect(response.body.verified).toBe(true);
      expect(check(response.body, 'proof')?.message).toContain('RS256');
    }
  });

  it('reports a hosted assertion its issuer answers 410 Gone for as not verified', async () => {
    const withdrawn = { ...examples.hosted, id: gone };
    const response = await allowed.call('/credentials/verify', { json: { openBadgeAssertion: withdrawn } });
    expect(response.body.verified).toBe(false);
    expect(check(response.body, 'proof')?.ok).toBe(false);
  });

  it('fetches nothing and verifies nothing when the host is not allow-listed', async () => {
    const before = connections;
    const response = await notAllowed.call('/credentials/verify', {
      json: { openBadgeAssertion: examples.hosted },
    });
    expect(response.body.verified).toBe(false);
    expect(check(response.body, 'proof')).toMatchObject({ ok: false, code: 'FETCH_REFUSED' });
    expect(connections).toBe(before);
  });

  it('refuses an openBadgeAssertion that is not one, and a body with both fields', async () => {
    const notOb2 = await allowed.call('/credentials/verify', {
      json: {
        openBadgeAssertion: {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiableCredential'],
        },
      },
    });
    expect(notOb2.status).toBe(400);
    const both = await allowed.call('/credentials/verify', {
      json: { openBadgeAssertion: examples.hosted, verifiableCredential: examples.hosted },
    });
    expect(both.status).toBe(400);
  });

  it('shows the badge and its issuer on /verify, verified', async () => {
    const csrf = randomBytes(32).toString('base64url');
    const body = new FormData();
    body.set('_csrf', csrf);
    body.set('text', JSON.stringify(examples.hosted));
    const response = await allowed.app.request('/verify', {
      method: 'POST',
      body,
      headers: { Accept: 'text/html', Cookie: `mc_csrf=${csrf}` },
    });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('Awesome Robotics Badge');
    expect(html).toContain('An Example Badge Issuer');
    expect(html).toContain('data-verdict="verified"');
    // OB 3.0 words would call it a Verifiable Credential with a signature: it is neither.
    expect(html).toContain('It is an Open Badges 2.0 assertion.');
    expect(html).toContain('Hosted by the issuer');
    expect(html).not.toContain('It is a Verifiable Credential.');
  });

  it('verifies a hosted assertion named by its URL on /verify?url=', async () => {
    const response = await allowed.app.request(
      `/verify?url=${encodeURIComponent(examples.hosted.id as string)}`,
      {
        headers: { Accept: 'text/html' },
      },
    );
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('data-verdict="verified"');
    expect(html).toContain('Awesome Robotics Badge');
  });

  it('imports an OB 2.0 badge as verified, and a withdrawn one as not verified', async () => {
    const { platform } = allowed;
    await platform.earners.requestSignIn({ email: 'alice@example.org', locale: 'en' });
    const mail = (await platform.mail.list()).find((item) => item.toAddress === 'alice@example.org');
    const secret = /\/signin\/([A-Za-z0-9_-]{43})/.exec(mail?.textBody ?? '')?.[1] ?? '';
    const earnerId = await platform.earners.signInWithLink({ secret, locale: 'en' });
    const imported = await platform.earners.importCredential(earnerId, {
      credential: examples.hosted,
      sourceUrl: null,
    });
    expect(imported.verified).toBe(true);
    const withdrawn = await platform.earners.importCredential(earnerId, {
      credential: { ...examples.hosted, id: gone },
      sourceUrl: null,
    });
    expect(withdrawn.verified).toBe(false);
  });
});
