import type { JsonObject } from '@microcred/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test/support/test-app.js';

const OPERATIONS = [
  'POST /api/v1/bulk-jobs',
  'GET /api/v1/bulk-jobs/{id}',
  'GET /api/v1/bulk-jobs/{id}/errors',
  'POST /api/v1/bulk-jobs/{id}/cancel',
  'GET /api/v1/issuers/{id}/members',
  'PUT /api/v1/issuers/{id}/members',
  'DELETE /api/v1/issuers/{id}/members/{userId}',
  'GET /api/v1/issuers',
  'POST /api/v1/issuers',
  'GET /api/v1/issuers/{id}',
  'PATCH /api/v1/issuers/{id}',
  'POST /api/v1/issuers/{id}/keys/rotate',
  'GET /api/v1/issuers/{id}/keys',
  'POST /api/v1/issuers/{id}/vetting',
  'DELETE /api/v1/issuers/{id}/vetting',
  'GET /api/v1/issuers/{id}/did-configuration',
  'POST /api/v1/issuers/{id}/domain-check',
  'GET /api/v1/issuers/{id}/api-keys',
  'POST /api/v1/issuers/{id}/api-keys',
  'DELETE /api/v1/issuers/{id}/api-keys/{keyId}',
  'GET /api/v1/achievements',
  'POST /api/v1/achievements',
  'GET /api/v1/achievements/{id}',
  'PATCH /api/v1/achievements/{id}',
  'GET /api/v1/achievements/{id}/outcomes',
  'POST /api/v1/credentials',
  'GET /api/v1/credentials',
  'GET /api/v1/credentials/{id}',
  'GET /api/v1/credentials/{id}/history',
  'GET /api/v1/catalog',
  'GET /api/v1/skills',
  'POST /api/v1/roles/match',
  'POST /api/v1/gap',
  'GET /api/v1/talent',
  'GET /api/v1/talent/{id}',
  'POST /api/v1/verifications',
  'POST /api/v1/verification-jobs',
  'GET /api/v1/verification-jobs/{id}',
  'GET /api/v1/verification-jobs/{id}/results',
  'GET /api/v1/events',
  'POST /api/v1/webhooks',
  'GET /api/v1/webhooks',
  'GET /api/v1/webhooks/{id}',
  'DELETE /api/v1/webhooks/{id}',
  'GET /api/v1/webhooks/{id}/deliveries',
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay',
  'GET /api/v1/analytics',
  'GET /api/v1/analytics.csv',
  'GET /api/v1/employers',
  'POST /api/v1/employers',
  'GET /api/v1/employers/{id}/members',
  'PUT /api/v1/employers/{id}/members',
  'DELETE /api/v1/employers/{id}/members/{email}',
  'GET /api/v1/employers/{id}/api-keys',
  'POST /api/v1/employers/{id}/api-keys',
  'DELETE /api/v1/employers/{id}/api-keys/{keyId}',
  'GET /api/v1/employers/{id}/roles',
  'POST /api/v1/employers/{id}/roles',
  'GET /api/v1/employers/{id}/roles/{roleId}',
  'PUT /api/v1/employers/{id}/roles/{roleId}',
  'DELETE /api/v1/employers/{id}/roles/{roleId}',
  'GET /api/v1/employers/{id}/roles/{roleId}/candidates',
  'GET /api/v1/employers/{id}/employees',
  'POST /api/v1/employers/{id}/employees',
  'PATCH /api/v1/employers/{id}/employees/{employeeId}',
  'DELETE /api/v1/employers/{id}/employees/{employeeId}',
  'GET /api/v1/employers/{id}/inventory',
  'GET /api/v1/endorsements',
  'POST /api/v1/endorsements',
  'GET /api/v1/endorsements/{id}',
  'POST /api/v1/endorsements/{id}/withdraw',
  'GET /api/v1/endorsement-requests',
  'POST /api/v1/endorsement-requests',
  'POST /api/v1/endorsement-requests/{id}/endorse',
  'POST /api/v1/endorsement-requests/{id}/decline',
  'POST /api/v1/endorsement-requests/{id}/comment',
  'POST /api/v1/endorsement-requests/{id}/cancel',
  'POST /api/v1/credentials/{id}/revoke',
  'POST /api/v1/credentials/{id}/suspend',
  'POST /api/v1/credentials/{id}/reinstate',
  'GET /api/v1/pathways',
  'POST /api/v1/pathways',
  'POST /api/v1/pathways/import',
  'GET /api/v1/pathways/{id}',
  'PATCH /api/v1/pathways/{id}',
  'POST /api/v1/pathways/{id}/publish',
  'GET /api/v1/pathways/{id}/export',
  'GET /api/v1/pathways/{id}/progress',
  'POST /api/v1/pathways/{id}/clr',
  'GET /api/v1/issuers/{id}/partnerships',
  'POST /api/v1/issuers/{id}/partnerships',
  'DELETE /api/v1/issuers/{id}/partnerships/{partnerId}',
  'POST /api/v1/issuers/{id}/clr',
  'POST /credentials/issue',
  'POST /api/v1/credentials/{id}/offers',
  'POST /credentials/verify',
  'GET /issuers/{slug}/did.json',
  'GET /issuers/{slug}/status/{listId}',
  'GET /issuers/{slug}/logo',
  'GET /achievements/{id}',
  'GET /achievements/{id}/image',
  'GET /credentials/{id}',
  'GET /pathways/{id}',
  'GET /endorsements/{id}',
  'GET /log/checkpoint',
  'GET /log/key',
  'GET /api/v1/credentials/{id}/log-proof',
  'GET /healthz',
  'GET /readyz',
  'GET /openapi.json',
  'GET /docs',
];

/** Every `$ref` anywhere in `value`. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.push(item);
      else refsIn(item, found);
    }
  }
  return found;
}

// The document does not depend on the database driver: PGlite is enough.
describe('the OpenAPI document and the docs page', () => {
  let test: TestApp;
  let document: {
    openapi: string;
    info: JsonObject;
    paths: Record<string, Record<string, JsonObject>>;
    components: { schemas: Record<string, JsonObject>; securitySchemes: Record<string, JsonObject> };
  };
  beforeAll(async () => {
    test = await openTestApp('pglite');
    const response = await test.call('/openapi.json');
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(async () => {
    await test?.close();
  });

  it('is an OpenAPI 3.1 document with a bearer security scheme', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('describes exactly the routes the app serves, each with a summary, a tag and responses', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual([...OPERATIONS].sort());
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(item)) {
        expect(operation).toMatchObject({ summary: expect.any(String), tags: [expect.any(String)] });
        expect(Object.keys(operation.responses as JsonObject).length).toBeGreaterThan(0);
      }
    }
  });

  it('declares every path parameter and resolves every schema reference', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      const placeholders = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const operation of Object.values(item)) {
        const declared = ((operation.parameters ?? []) as JsonObject[])
          .filter((parameter) => parameter.in === 'path')
          .map((parameter) => parameter.name);
        expect(declared.sort()).toEqual([...placeholders].sort());
      }
    }
    for (const ref of refsIn(document)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas[ref.split('/').pop() ?? '']).toBeDefined();
    }
  });

  it('generates request schemas from the domain validators: strict objects, required fields, problem responses', () => {
    const { schemas } = document.components;
    expect(schemas.IssueCredentialInput).toMatchObject({ type: 'object', additionalProperties: false });
    expect(schemas.IssueCredentialInput?.required).toEqual(
      expect.arrayContaining(['achievementId', 'recipient']),
    );
    expect(schemas.AchievementInput?.required).toEqual(
      expect.arrayContaining(['issuerId', 'name', 'description', 'criteria']),
    );
    expect(schemas.Problem?.required).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']),
    );
    const issue = document.paths['/api/v1/credentials']?.post as JsonObject;
    expect(issue.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(issue.responses as JsonObject)).toEqual(
      expect.arrayContaining(['200', '201', '400', '401', '403', '404']),
    );
    expect(document.paths['/credentials/verify']?.post?.security).toBeUndefined();
  });

  it('renders every operation on /docs, self-contained and script-free', async () => {
    const page = await test.call('/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    for (const operation of OPERATIONS) {
      const [method, path] = operation.split(' ');
      expect(page.text).toContain(`>${method}</span> <code class="path">${path}</code>`);
    }
    expect(page.text).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.w3\.org)[^"<\s]*\.(js|css)\b/i);
    expect(page.text).toContain('achievementId');
    expect(page.text).toContain('Problem');
  });

  it('shows on /docs a request example built from the schema, Markdown as HTML, and the way home', async () => {
    const page = (await test.call('/docs')).text;
    const verify = page.slice(page.indexOf('id="post--credentials-verify"'));
    const example = /<pre class="example"><code>([^<]*)<\/code><\/pre>/.exec(verify)?.[1] ?? '';
    expect(example).toContain('curl -X POST &#39;https://badges.example.edu/credentials/verify&#39;');
    expect(example).toContain('&quot;verifiableCredential&quot;: &quot;eyJhbGciOiJFZERTQSJ9');
    expect(page).toContain('a stable <code>code</code>');
    expect(page).not.toMatch(/`[^`<]+`/);
    expect(page).toContain('<a href="/">');
  });
});
