import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { seedIssuer } from '../../test/support/test-platform.js';
import { limitedStream } from './middleware/limit-body.js';

const CHUNK = 64 * 1024;

/** A body of `total` bytes that hands out a chunk only when asked, and records how many it handed out. */
function recordingBody(total: number, byte = 0x61) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= total) {
          controller.close();
          return;
        }
        const size = Math.min(CHUNK, total - state.pulled);
        state.pulled += size;
        controller.enqueue(new Uint8Array(size).fill(byte));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

function post(
  test: TestApp,
  path: string,
  body: ReadableStream<Uint8Array>,
  headers: Record<string, string>,
) {
  return test.app.request(path, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

describe('request bodies are read only after authentication', () => {
  let test: TestApp;
  let bulkPath: string;

  beforeAll(async () => {
    test = await openTestApp('pglite', { bodyLimitBytes: 4096, bulkUploadLimitBytes: 1024 * 1024 });
    const { achievement } = await seedIssuer(test.platform);
    bulkPath = `/api/v1/bulk-jobs?achievementId=${achievement.id}`;
  });
  afterAll(async () => {
    await test?.close();
  });

  it('answers an unauthenticated 10 MB bulk upload 401 without reading a byte of it', async () => {
    const { stream, state } = recordingBody(10 * 1024 * 1024);
    const response = await post(test, bulkPath, stream, { 'Content-Type': 'text/csv' });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(state.pulled).toBe(0);
  });

  it('does the same with a wrong token, and for JSON bodies to any API route', async () => {
    const upload = recordingBody(10 * 1024 * 1024);
    const wrong = await post(test, bulkPath, upload.stream, {
      'Content-Type': 'text/csv',
      Authorization: 'Bearer mc_not_a_real_token',
    });
    expect(wrong.status).toBe(401);
    expect(upload.state.pulled).toBe(0);
    for (const path of ['/api/v1/issuers', '/credentials/issue']) {
      const json = recordingBody(3 * 1024 * 1024, 0x20);
      const response = await post(test, path, json.stream, { 'Content-Type': 'application/json' });
      expect(response.status).toBe(401);
      expect(json.state.pulled).toBe(0);
    }
  });

  it('refuses an authenticated upload over the limit with 413 problem+json, declared or streamed', async () => {
    const declared = await test.app.request(bulkPath, {
      method: 'POST',
      body: new Uint8Array(2 * 1024 * 1024).fill(0x61),
      headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(declared.status).toBe(413);
    expect(declared.headers.get('content-type')).toBe('application/problem+json');
    expect(((await declared.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');

    const { stream, state } = recordingBody(10 * 1024 * 1024);
    const streamed = await post(test, bulkPath, stream, {
      'Content-Type': 'text/csv',
      Authorization: `Bearer ${ADMIN_TOKEN}`,
    });
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
    // Reading stopped at the chunk that crossed the limit.
    expect(state.pulled).toBeLessThanOrEqual(1024 * 1024 + CHUNK);
  });

  it('gives the large limit to CSV and JSON-lines uploads only', async () => {
    const { stream } = recordingBody(64 * 1024, 0x20);
    const json = await post(test, '/api/v1/issuers', stream, {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${ADMIN_TOKEN}`,
    });
    expect(json.status).toBe(413);
    const other = recordingBody(64 * 1024);
    const pdf = await post(test, bulkPath, other.stream, {
      'Content-Type': 'application/pdf',
      Authorization: `Bearer ${ADMIN_TOKEN}`,
    });
    // Refused for its type before a byte is read (under the small limit it would be a 413 when read).
    expect(pdf.status).toBe(415);
    expect(other.state.pulled).toBe(0);
  });

  it('still takes a streamed upload within the limit, decoding UTF-8 split across chunks', async () => {
    const csv = new TextEncoder().encode('email,name\nzoë@example.org,Zoë Ünal\n');
    const split = csv.indexOf(0xc3) + 1; // inside the two bytes of "ë"
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(csv.slice(0, split));
        controller.enqueue(csv.slice(split));
        controller.close();
      },
    });
    const response = await post(test, bulkPath, stream, {
      'Content-Type': 'text/csv',
      Authorization: `Bearer ${ADMIN_TOKEN}`,
    });
    expect(response.status).toBe(202);
    expect(((await response.json()) as { total: number }).total).toBe(1);
  });
});

describe('limitedStream', () => {
  it('pulls nothing until read, passes bytes within the limit, and fails at the byte over it', async () => {
    const { stream, state } = recordingBody(3 * CHUNK);
    const limited = limitedStream(stream, 2 * CHUNK);
    // A stream that pulls on its own does so in the microtasks after it starts: all have run once the
    // event loop has turned.
    await new Promise((resolve) => setImmediate(resolve));
    expect(state.pulled).toBe(0);
    const reader = limited.getReader();
    expect((await reader.read()).value?.byteLength).toBe(CHUNK);
    expect((await reader.read()).value?.byteLength).toBe(CHUNK);
    await expect(reader.read()).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
