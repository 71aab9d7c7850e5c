import { createServer, type IncomingHttpHeaders, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { ErrorCode, MicrocredError } from '@microcred/vc';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createGuardedFetcher,
  type FetchLogger,
  type GuardedFetcherOptions,
} from './create-guarded-fetcher.js';
import { parseFetchAllowList } from './fetch-allow-list.js';

interface TestServer {
  readonly origin: string;
  readonly port: number;
  /** TCP connections accepted: a refused fetch must leave this at 0. */
  readonly connections: number;
  /** The request headers received, in order. */
  readonly requests: readonly IncomingHttpHeaders[];
  close(): Promise<void>;
}

const servers: TestServer[] = [];

async function serve(handler: RequestListener): Promise<TestServer> {
  const requests: IncomingHttpHeaders[] = [];
  let connections = 0;
  const server = createServer((request, response) => {
    requests.push(request.headers);
    handler(request, response);
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const test: TestServer = {
    origin: `http://127.0.0.1:${port}`,
    port,
    get connections() {
      return connections;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(test);
  return test;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const LOOPBACK = parseFetchAllowList('127.0.0.1') ?? [];

/** A fetcher that may reach 127.0.0.1 over http (the test servers), unless `options` says otherwise. */
function fetcher(options: GuardedFetcherOptions = {}) {
  return createGuardedFetcher({ allow: LOOPBACK, ...options });
}

function json(body: unknown, headers: Record<string, string> = {}): RequestListener {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}

/** The MicrocredError a promise rejects with. */
async function refusal(promise: Promise<unknown>): Promise<MicrocredError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MicrocredError) return error;
    throw error;
  }
  throw new Error('expected the fetch to be refused');
}

describe('the guarded fetcher: where it goes', () => {
  it('fetches and parses JSON from an allow-listed host over http', async () => {
    const server = await serve(json({ id: 'doc', list: [1, 2] }, { 'content-type': 'application/ld+json' }));
    expect(await fetcher().fetchJson(`${server.origin}/doc.json`)).toEqual({ id: 'doc', list: [1, 2] });
  });

  it('refuses plain http to a host that is not allow-listed, without connecting', async () => {
    const server = await serve(json({}));
    const error = await refusal(createGuardedFetcher().fetchJson(`${server.origin}/doc.json`));
    expect(error.code).toBe(ErrorCode.FETCH_REFUSED);
    expect(error.details).toMatchObject({ reason: 'scheme-refused', scheme: 'http' });
    expect(server.connections).toBe(0);
  });

  it('allows only the port an allow-list entry names', async () => {
    const server = await serve(json({}));
    const allow = parseFetchAllowList(`127.0.0.1:${server.port === 1 ? 2 : server.port - 1}`) ?? [];
    const error = await refusal(createGuardedFetcher({ allow }).fetchJson(`${server.origin}/`));
    expect(error.details?.reason).toBe('scheme-refused');
    expect(server.connections).toBe(0);
  });

  it('reads an https URL over plain http for an entry written http://host:port (a did:web of a test instance)', async () => {
    const server = await serve(json({ id: 'did:web:127.0.0.1%3A1' }));
    const allow = parseFetchAllowList(`http://127.0.0.1:${server.port}`) ?? [];
    const document = await createGuardedFetcher({ allow }).fetchJson(
      `https://127.0.0.1:${server.port}/did.json`,
    );
    expect(document).toEqual({ id: 'did:web:127.0.0.1%3A1' });
    expect(server.connections).toBe(1);
  });

  it('keeps https for an entry without http://, and refuses other schemes and paths in entries', async () => {
    expect(parseFetchAllowList('http://localhost:3112')).toEqual([
      { hostname: 'localhost', port: 3112, plainHttpOnly: true },
    ]);
    expect(parseFetchAllowList('localhost:3112')).toEqual([{ hostname: 'localhost', port: 3112 }]);
    expect(parseFetchAllowList('ftp://localhost')).toBeUndefined();
    expect(parseFetchAllowList('http://localhost/path')).toBeUndefined();
    const server = await serve(json({}));
    const allow = parseFetchAllowList(`127.0.0.1:${server.port}`) ?? [];
    const error = await refusal(
      createGuardedFetcher({ allow }).fetchJson(`https://127.0.0.1:${server.port}/`),
    );
    // Allow-listed, so its address is not refused; but https stays https: the TLS handshake fails.
    expect(error.details?.reason).not.toBe('address-refused');
  });

  it('refuses https to loopback, private and link-local addresses, without connecting', async () => {
    const server = await serve(json({}));
    for (const url of [
      `https://127.0.0.1:${server.port}/`,
      'https://169.254.169.254/latest/meta-data/',
      'https://10.0.0.1/',
      'https://[::1]/',
      'https://[::ffff:127.0.0.1]/',
      'https://0.0.0.0/',
    ]) {
      const error = await refusal(createGuardedFetcher().fetchJson(url));
      expect(error.code, url).toBe(ErrorCode.FETCH_REFUSED);
      expect(error.details?.reason, url).toBe('address-refused');
    }
    expect(server.connections).toBe(0);
  });

  it('refuses file:, data: and other schemes, and URLs carrying credentials, even to an allowed host', async () => {
    const server = await serve(json({}));
    for (const [url, reason] of [
      ['file:///etc/passwd', 'scheme-refused'],
      ['data:application/json,{}', 'scheme-refused'],
      ['ftp://127.0.0.1/', 'scheme-refused'],
      [`http://user:secret@127.0.0.1:${server.port}/`, 'credentials-refused'],
      ['not a url', 'invalid-url'],
    ] as const) {
      const error = await refusal(fetcher().fetchJson(url));
      expect(error.code, url).toBe(ErrorCode.FETCH_REFUSED);
      expect(error.details?.reason, url).toBe(reason);
    }
    expect(server.connections).toBe(0);
  });

  it('refuses a DNS name resolving to loopback, even when 127.0.0.1 is allow-listed by address', async () => {
    const server = await serve(json({}));
    const lookup = async () => [{ address: '127.0.0.1', family: 4 as const }];
    for (const url of [`https://status.example:${server.port}/`, `http://status.example:${server.port}/`]) {
      const error = await refusal(fetcher({ lookup }).fetchJson(url));
      expect(error.details?.reason, url).toBe(url.startsWith('https') ? 'address-refused' : 'scheme-refused');
    }
    expect(server.connections).toBe(0);
  });

  it('refuses a name when any one of its addresses is refused, and names no address to the caller', async () => {
    const lookup = async () => [
      { address: '93.184.215.14', family: 4 as const },
      { address: '10.0.0.7', family: 4 as const },
    ];
    const error = await refusal(createGuardedFetcher({ lookup }).fetchJson('https://mixed.example/doc'));
    expect(error.details).toEqual({
      reason: 'address-refused',
      host: 'mixed.example',
      addressKind: 'private',
    });
    expect(error.message).not.toContain('10.0.0.7');
  });

  it('refuses localhost as the system resolves it', async () => {
    const error = await refusal(createGuardedFetcher().fetchJson('https://localhost/doc'));
    expect(error.details).toMatchObject({ reason: 'address-refused', addressKind: 'loopback' });
  });

  it('connects to the address it checked, never resolving the name again (no DNS rebinding)', async () => {
    const server = await serve(json({ ok: true }));
    const answers = ['127.0.0.1', '10.9.9.9'];
    const asked: string[] = [];
    const lookup = async (hostname: string) => {
      asked.push(hostname);
      return [{ address: answers.shift() ?? '10.9.9.9', family: 4 as const }];
    };
    const allow = parseFetchAllowList('pinned.example') ?? [];
    const guarded = createGuardedFetcher({ allow, lookup });
    expect(await guarded.fetchJson(`http://pinned.example:${server.port}/`)).toEqual({ ok: true });
    expect(asked).toEqual(['pinned.example']);
    expect(server.requests[0]?.host).toBe(`pinned.example:${server.port}`);
  });
});

describe('the guarded fetcher: redirects', () => {
  async function chain() {
    return serve((request, response) => {
      const hops = Number(/^\/hops\/(\d+)$/.exec(request.url ?? '')?.[1] ?? 0);
      if (hops > 0) {
        response.writeHead(302, { location: `/hops/${hops - 1}` });
        response.end();
      } else json({ arrived: true })(request, response);
    });
  }

  it('follows 3 redirects, and refuses a 4th', async () => {
    const server = await chain();
    expect(await fetcher().fetchJson(`${server.origin}/hops/3`)).toEqual({ arrived: true });
    const error = await refusal(fetcher().fetchJson(`${server.origin}/hops/4`));
    expect(error.code).toBe(ErrorCode.FETCH_REFUSED);
    expect(error.details).toMatchObject({ reason: 'too-many-redirects', limit: 3 });
  });

  it('checks every redirect target: a refused address is never connected to', async () => {
    const trap = await serve(json({ secret: true }));
    const lookup = async (hostname: string) =>
      hostname === 'trap.example' ? [{ address: '127.0.0.1', family: 4 as const }] : [];
    const redirector = await serve((request, response) => {
      const targets: Record<string, string> = {
        '/to-name': `https://trap.example:${trap.port}/`,
        '/to-http': `http://trap.example:${trap.port}/`,
        '/to-literal': `https://127.0.0.1:${trap.port}/`,
        '/to-file': 'file:///etc/passwd',
        '/to-metadata': 'https://169.254.169.254/latest/meta-data/',
      };
      response.writeHead(307, { location: targets[request.url ?? ''] ?? '/' });
      response.end();
    });
    for (const [path, reason] of [
      ['/to-name', 'address-refused'],
      ['/to-http', 'scheme-refused'],
      ['/to-literal', 'address-refused'],
      ['/to-file', 'scheme-refused'],
      ['/to-metadata', 'address-refused'],
    ] as const) {
      // Only the redirector is allow-listed: the trap's port on 127.0.0.1 is not.
      const allow = parseFetchAllowList(`127.0.0.1:${redirector.port}`) ?? [];
      const error = await refusal(
        createGuardedFetcher({ allow, lookup }).fetchJson(`${redirector.origin}${path}`),
      );
      expect(error.details?.reason, path).toBe(reason);
    }
    expect(redirector.connections).toBeGreaterThan(0);
    expect(trap.connections).toBe(0);
  });
});

describe('the guarded fetcher: what it accepts', () => {
  it('refuses a body over the limit as sent, with or without Content-Length', async () => {
    const big = JSON.stringify({ padding: 'x'.repeat(5000) });
    const server = await serve((request, response) => {
      response.writeHead(200, {
        'content-type': 'application/json',
        ...(request.url === '/sized' ? { 'content-length': String(big.length) } : {}),
      });
      response.end(big);
    });
    for (const path of ['/sized', '/chunked']) {
      const error = await refusal(fetcher({ maxBytes: 1000 }).fetchJson(`${server.origin}${path}`));
      expect(error.code, path).toBe(ErrorCode.FETCH_REFUSED);
      expect(error.details, path).toMatchObject({ reason: 'too-large', limit: 1000 });
    }
  });

  it('decodes gzip, and stops inflating a gzip bomb at the decoded limit', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    const server = await serve((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(request.url === '/bomb' ? bomb : gzipSync(JSON.stringify({ zipped: true })));
    });
    expect(await fetcher().fetchJson(`${server.origin}/small`)).toEqual({ zipped: true });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    const error = await refusal(fetcher().fetchJson(`${server.origin}/bomb`));
    expect(error.details).toMatchObject({ reason: 'too-large', limit: 16 * 1024 * 1024 });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('refuses an encoding it does not read', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'zstd' });
      response.end('{}');
    });
    const error = await refusal(fetcher().fetchJson(`${server.origin}/`));
    expect(error.details).toMatchObject({ reason: 'content-encoding', contentEncoding: 'zstd' });
  });

  it('gives up on a slow body and on slow headers within the time limit (slow-loris)', async () => {
    const server = await serve((request, response) => {
      if (request.url === '/slow-body') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"a":');
      }
      // Otherwise nothing is ever sent.
    });
    for (const path of ['/slow-body', '/slow-headers']) {
      const started = performance.now();
      const error = await refusal(fetcher({ timeoutMs: 300 }).fetchJson(`${server.origin}${path}`));
      expect(error.code, path).toBe(ErrorCode.RESOURCE_UNAVAILABLE);
      expect(error.details, path).toMatchObject({ reason: 'timeout', limit: 300 });
      expect(performance.now() - started, path).toBeLessThan(2000);
    }
  });

  it('refuses a media type that is not JSON, and fetchBytes any type not asked for', async () => {
    const server = await serve((request, response) => {
      response.writeHead(200, {
        'content-type': request.url === '/png' ? 'image/png' : 'text/html; charset=utf-8',
      });
      response.end(request.url === '/png' ? Buffer.from([0x89, 0x50]) : '<html></html>');
    });
    const error = await refusal(fetcher().fetchJson(`${server.origin}/page`));
    expect(error.code).toBe(ErrorCode.FETCH_REFUSED);
    expect(error.details).toMatchObject({ reason: 'content-type', contentType: 'text/html' });
    const image = await fetcher().fetchBytes(`${server.origin}/png`, { accept: ['image/*'] });
    expect(image).toMatchObject({ contentType: 'image/png', url: `${server.origin}/png` });
    expect([...image.body]).toEqual([0x89, 0x50]);
    const notJson = await refusal(
      fetcher().fetchBytes(`${server.origin}/png`, { accept: ['application/json'] }),
    );
    expect(notJson.details?.reason).toBe('content-type');
  });

  it('gives a compact JWT served as application/vc+jwt as its string', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/vc+jwt' });
      response.end('eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.c2ln\n');
    });
    expect(await fetcher().fetchJson(`${server.origin}/`)).toBe('eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.c2ln');
  });

  it('reports 4xx and 5xx answers, and JSON with duplicate members, as unavailable', async () => {
    const server = await serve((request, response) => {
      const status = Number(request.url?.slice(1));
      response.writeHead(Number.isNaN(status) ? 200 : status, { 'content-type': 'application/json' });
      response.end('{"a":1,"a":2}');
    });
    for (const status of [404, 410, 500, 503]) {
      const error = await refusal(fetcher().fetchJson(`${server.origin}/${status}`));
      expect(error.code).toBe(ErrorCode.RESOURCE_UNAVAILABLE);
      expect(error.details).toMatchObject({ reason: 'http-status', status });
    }
    const duplicate = await refusal(fetcher().fetchJson(`${server.origin}/duplicate`));
    expect(duplicate.details?.reason).toBe('not-json');
  });

  it('reports a host that refuses the connection as unavailable', async () => {
    const server = await serve(json({}));
    const origin = server.origin;
    await server.close();
    const error = await refusal(fetcher().fetchJson(`${origin}/`));
    expect(error.code).toBe(ErrorCode.RESOURCE_UNAVAILABLE);
    expect(error.details?.reason).toBe('network');
  });
});

describe('the guarded fetcher: cache', () => {
  it('reuses an answer for its max-age, capped at the operator maximum', async () => {
    let clock = 1_000_000;
    let version = 0;
    const server = await serve((request, response) => {
      version += 1;
      json({ version }, { 'cache-control': request.url === '/year' ? 'max-age=31536000' : 'max-age=60' })(
        request,
        response,
      );
    });
    const guarded = fetcher({ now: () => clock, cache: { maxAgeMs: 120_000 } });
    expect(await guarded.fetchJson(`${server.origin}/minute`)).toEqual({ version: 1 });
    expect(await guarded.fetchJson(`${server.origin}/minute`)).toEqual({ version: 1 });
    clock += 61_000;
    expect(await guarded.fetchJson(`${server.origin}/minute`)).toEqual({ version: 2 });
    expect(await guarded.fetchJson(`${server.origin}/year`)).toEqual({ version: 3 });
    clock += 121_000;
    expect(await guarded.fetchJson(`${server.origin}/year`)).toEqual({ version: 4 });
    expect(server.requests).toHaveLength(4);
  });

  it('revalidates with If-None-Match and reuses the answer on 304', async () => {
    const server = await serve((request, response) => {
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304, { etag: '"v1"' });
        response.end();
      } else json({ list: 'v1' }, { etag: '"v1"', 'cache-control': 'no-cache' })(request, response);
    });
    const logged: Record<string, unknown>[] = [];
    const logger: FetchLogger = {
      info: (details) => logged.push(details),
      warn: (details) => logged.push(details),
    };
    const guarded = fetcher({ logger });
    expect(await guarded.fetchJson(`${server.origin}/list`)).toEqual({ list: 'v1' });
    expect(await guarded.fetchJson(`${server.origin}/list`)).toEqual({ list: 'v1' });
    expect(server.requests.map((headers) => headers['if-none-match'])).toEqual([undefined, '"v1"']);
    expect(logged.map((details) => details.cache)).toEqual(['miss', 'revalidated']);
  });

  it('revalidates with If-Modified-Since when the answer has only Last-Modified', async () => {
    const modified = 'Tue, 01 Dec 2026 10:00:00 GMT';
    const server = await serve((request, response) => {
      if (request.headers['if-modified-since'] === modified) {
        response.writeHead(304);
        response.end();
      } else json({ n: 1 }, { 'last-modified': modified })(request, response);
    });
    const guarded = fetcher();
    await guarded.fetchJson(`${server.origin}/`);
    expect(await guarded.fetchJson(`${server.origin}/`)).toEqual({ n: 1 });
    expect(server.requests[1]?.['if-modified-since']).toBe(modified);
  });

  it('keeps nothing that says no-store, however long its max-age', async () => {
    let version = 0;
    const server = await serve((request, response) => {
      version += 1;
      json({ version }, { 'cache-control': 'no-store, max-age=600', etag: '"same"' })(request, response);
    });
    const guarded = fetcher();
    expect(await guarded.fetchJson(`${server.origin}/`)).toEqual({ version: 1 });
    expect(await guarded.fetchJson(`${server.origin}/`)).toEqual({ version: 2 });
    expect(server.requests.every((headers) => headers['if-none-match'] === undefined)).toBe(true);
  });

  it('shares one request between concurrent fetches of one URL, and hands each caller its own copy', async () => {
    const server = await serve(json({ shared: [1] }, { 'cache-control': 'max-age=60' }));
    const guarded = fetcher();
    const [first, second] = (await Promise.all([
      guarded.fetchJson(`${server.origin}/`),
      guarded.fetchJson(`${server.origin}/`),
    ])) as { shared: number[] }[];
    expect(server.requests).toHaveLength(1);
    first?.shared.push(2);
    expect(second).toEqual({ shared: [1] });
    expect(await guarded.fetchJson(`${server.origin}/`)).toEqual({ shared: [1] });
  });
});

describe('the guarded fetcher: log', () => {
  it('logs every fetch with host, status, size, time and cache outcome, and every refusal with its reason; never a body', async () => {
    const server = await serve(json({ secretBody: 'do-not-log' }, { 'cache-control': 'max-age=60' }));
    const lines: { level: string; details: Record<string, unknown>; message: string }[] = [];
    const logger: FetchLogger = {
      info: (details, message) => lines.push({ level: 'info', details, message }),
      warn: (details, message) => lines.push({ level: 'warn', details, message }),
    };
    const guarded = createGuardedFetcher({ allow: LOOPBACK, logger });
    await guarded.fetchJson(`${server.origin}/doc?token=abc`);
    await guarded.fetchJson(`${server.origin}/doc?token=abc`);
    await refusal(guarded.fetchJson('https://10.0.0.1/doc'));
    expect(lines[0]).toMatchObject({
      level: 'info',
      details: { host: `127.0.0.1:${server.port}`, url: `${server.origin}/doc`, status: 200, cache: 'miss' },
    });
    expect(lines[0]?.details.bytes).toBeGreaterThan(0);
    expect(typeof lines[0]?.details.ms).toBe('number');
    expect(lines[1]?.details.cache).toBe('hit');
    expect(lines[2]).toMatchObject({
      level: 'warn',
      details: {
        host: '10.0.0.1',
        code: 'FETCH_REFUSED',
        reason: 'address-refused',
        addresses: ['10.0.0.1'],
      },
    });
    expect(JSON.stringify(lines)).not.toContain('do-not-log');
    expect(JSON.stringify(lines)).not.toContain('token=abc');
  });
});

describe('the guarded fetcher: API exchanges (exchange)', () => {
  it('sends the method, headers and body, and gives any status with the headers asked for and the body', async () => {
    let received = '';
    const server = await serve((request, response) => {
      request.on('data', (chunk: Buffer) => {
        received += chunk.toString('utf8');
      });
      request.on('end', () => {
        response.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'x-total-count': '7' });
        response.end(JSON.stringify({ error: 'invalid_grant' }));
      });
    });
    const answer = await fetcher().exchange(`${server.origin}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic eDp5' },
      body: 'grant_type=authorization_code',
      readHeaders: ['X-Total-Count'],
    });
    expect(answer.status).toBe(400);
    expect(answer.contentType).toBe('application/json');
    expect(answer.headers).toEqual({ 'x-total-count': '7' });
    expect(JSON.parse(new TextDecoder().decode(answer.body))).toEqual({ error: 'invalid_grant' });
    expect(received).toBe('grant_type=authorization_code');
    expect(server.requests[0]?.authorization).toBe('Basic eDp5');
  });

  it('never follows a redirect with the secret it carries', async () => {
    const trap = await serve(json({ stolen: true }));
    const redirector = await serve((_request, response) => {
      response.writeHead(307, { location: `${trap.origin}/` });
      response.end();
    });
    const answer = await fetcher().exchange(`${redirector.origin}/credentials`, {
      method: 'GET',
      headers: { authorization: 'Bearer secret-token' },
    });
    expect(answer.status).toBe(307);
    expect(trap.connections).toBe(0);
  });

  it('refuses loopback and private addresses not allow-listed, without connecting', async () => {
    const server = await serve(json({}));
    const error = await refusal(
      createGuardedFetcher().exchange(`http://127.0.0.1:${server.port}/ims/ob/v3p0/discovery`, {
        method: 'GET',
        headers: {},
      }),
    );
    expect(error.code).toBe(ErrorCode.FETCH_REFUSED);
    expect(server.connections).toBe(0);
  });
});
