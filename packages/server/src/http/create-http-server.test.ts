import { describe, expect, it } from 'vitest';
import { listenDuringTests, rawExchange } from '../../test/support/raw-http.js';
import { createHttpServer } from './create-http-server.js';

function parseResponse(raw: string) {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = new Map(
    headerLines.map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).toLowerCase(), line.slice(at + 1).trim()] as const;
    }),
  );
  return { statusLine, headers, body };
}

describe('the HTTP server on a real port', () => {
  const server = createHttpServer({ fetch: () => new Response('hello') });
  const port = listenDuringTests(server);

  it('answers a 100 KB header with a 431 problem+json', async () => {
    const raw = await rawExchange(
      port(),
      `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'a'.repeat(100 * 1024)}\r\n\r\n`,
    );
    const response = parseResponse(raw);
    expect(response.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(response.body));
    expect(response.headers.get('connection')).toBe('close');
    expect(JSON.parse(response.body)).toEqual({
      type: 'https://microcred.dev/problems/headers-too-large',
      title: 'Headers too large',
      status: 431,
      detail: expect.stringMatching(/^the request header fields are over the limit of \d+ bytes$/),
      code: 'HEADERS_TOO_LARGE',
    });
  });

  it('answers malformed HTTP with a 400 problem+json', async () => {
    const response = parseResponse(await rawExchange(port(), 'NOT HTTP AT ALL\r\n\r\n'));
    expect(response.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(JSON.parse(response.body)).toMatchObject({ status: 400, code: 'PARSING_ERROR' });
  });

  it('still serves ordinary requests through the app', async () => {
    const response = await fetch(`http://127.0.0.1:${port()}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello');
  });
});
