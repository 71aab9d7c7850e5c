import { describe, expect, it } from 'vitest';
import { exampleOf, requestExample } from './request-example.js';

const DOCUMENT = {
  servers: [{ url: 'https://badges.example.edu' }],
  components: {
    schemas: {
      Recipient: {
        type: 'object',
        required: ['email'],
        properties: { email: { type: 'string', format: 'email' } },
      },
    },
  },
};

describe('exampleOf', () => {
  it("prefers the schema's own example", () => {
    expect(exampleOf({ type: 'string', example: 'status' }, DOCUMENT)).toBe('status');
  });

  it('builds an object from its required fields, following references', () => {
    const schema = {
      type: 'object',
      required: ['recipient', 'count'],
      properties: {
        recipient: { $ref: '#/components/schemas/Recipient' },
        count: { type: 'integer', minimum: 2 },
        note: { type: 'string' },
      },
    };
    expect(exampleOf(schema, DOCUMENT)).toEqual({ recipient: { email: 'ada@example.org' }, count: 2 });
  });

  it('takes only the first field when none is required (they are alternatives)', () => {
    const schema = {
      type: 'object',
      properties: { credential: { type: 'string' }, assertion: { type: 'string' } },
    };
    expect(exampleOf(schema, DOCUMENT)).toEqual({ credential: 'string' });
  });

  it('picks an enum value and skips null in a union', () => {
    expect(exampleOf({ enum: ['draft', 'published'] }, DOCUMENT)).toBe('draft');
    expect(exampleOf({ anyOf: [{ type: 'null' }, { type: 'boolean' }] }, DOCUMENT)).toBe(true);
  });
});

describe('requestExample', () => {
  it('fills path parameters from their examples and leaves the token to the shell', () => {
    const curl = requestExample(
      {
        method: 'post',
        path: '/api/v1/credentials/{id}/revoke',
        secured: true,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', example: 'abc' } }],
        requestBody: {
          content: {
            'application/json': { schema: { type: 'object', properties: { reason: { type: 'string' } } } },
          },
        },
      },
      DOCUMENT,
    );
    expect(curl).toBe(
      [
        "curl -X POST 'https://badges.example.edu/api/v1/credentials/abc/revoke'",
        '-H "Authorization: Bearer $MICROCRED_TOKEN"',
        "-H 'Content-Type: application/json'",
        `--data '{\n  "reason": "string"\n}'`,
      ].join(' \\\n  '),
    );
  });

  it('quotes a single quote for the shell, and sends no token to a public operation', () => {
    const curl = requestExample(
      {
        method: 'post',
        path: '/credentials/verify',
        secured: false,
        parameters: [],
        requestBody: { content: { 'application/json': { example: { name: "O'Brien" } } } },
      },
      DOCUMENT,
    );
    expect(curl).not.toContain('Authorization');
    expect(curl).toContain(`--data '{\n  "name": "O'\\''Brien"\n}'`);
  });
});
