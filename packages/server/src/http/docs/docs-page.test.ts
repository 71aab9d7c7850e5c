import { describe, expect, it } from 'vitest';
import { DocsPage, type OpenApiDocument } from './docs-page.js';

const DOCUMENT: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'microcred API',
    version: '1.0.0',
    description: 'Errors carry a stable `code`. <img src=x onerror="alert(1)">',
  },
  servers: [{ url: 'https://badges.example.edu' }],
  tags: [{ name: 'Credentials', description: 'Issue them with `POST`; **revoke** them too.' }],
  paths: {
    '/api/v1/credentials': {
      post: {
        tags: ['Credentials'],
        summary: 'Issue a credential',
        description: 'Answers `201`.\n\n- once\n- per `idempotencyKey`',
        security: [{ bearer: [] }],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['achievementId'],
                properties: { achievementId: { type: 'string', format: 'uuid', description: 'Its `id`' } },
              },
            },
          },
        },
        responses: { '201': { description: 'Issued, see `Location`' } },
      },
    },
  },
};

const page = String(DocsPage({ document: DOCUMENT }));

describe('the API reference page', () => {
  it('renders the descriptions as Markdown: backticks become code, lists become lists', () => {
    expect(page).toContain('Errors carry a stable <code>code</code>.');
    expect(page).toContain('Issue them with <code>POST</code>; <strong>revoke</strong> them too.');
    expect(page).toContain('<li>per <code>idempotencyKey</code></li>');
    expect(page).toContain('Its <code>id</code>');
    expect(page).toContain('Issued, see <code>Location</code>');
    expect(page).not.toContain('`');
  });

  it('lets no HTML of a description through', () => {
    expect(page).not.toContain('<img');
    // Shown as the text it is, quotes and all.
    expect(page).toContain('&lt;img src=x onerror="alert(1)"&gt;');
  });

  it('shows a curl example with the bearer token placeholder and a body the schema accepts', () => {
    const example = /<pre class="example"><code>([^<]*)<\/code><\/pre>/.exec(page)?.[1] ?? '';
    expect(example).toContain('curl -X POST &#39;https://badges.example.edu/api/v1/credentials&#39;');
    expect(example).toContain('-H &quot;Authorization: Bearer $MICROCRED_TOKEN&quot;');
    expect(example).toContain('&quot;achievementId&quot;: &quot;0b5a3c1e-8d7f-4c2a-9e61-2f4b8a9c7d10&quot;');
  });

  it('links back to the home page', () => {
    expect(page).toMatch(/<header><a href="\/">[^<]*home<\/a><\/header>/);
  });
});
