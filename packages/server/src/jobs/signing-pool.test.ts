import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  buildAchievement,
  buildAchievementCredential,
  buildProfile,
  didKeyFromPublicKey,
  generateEd25519KeyPair,
  type JsonObject,
  verifyCredential,
} from '@microcred/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedSigningKey, SignRequest, SignResult } from './sign-request.js';
import { createSigningPool, type SigningPool, type SigningPoolLogger } from './signing-pool.js';

const seed = new Uint8Array(createHash('sha256').update('microcred/signing-pool-test').digest());
const did = didKeyFromPublicKey(generateEd25519KeyPair(seed).publicKey);
const key: SeedSigningKey = {
  secretKey: seed,
  id: `${did}#${did.slice('did:key:'.length)}`,
  controller: did,
};
const created = '2026-01-15T09:00:00Z';
const now = new Date('2026-06-01T00:00:00Z');
const issuer = buildProfile({ id: did, name: 'Pool Test Academy' });
const achievement = buildAchievement({
  id: 'https://issuer.example/achievements/parallel-signing',
  name: 'Parallel Signing',
  description: 'Signed on every core.',
  criteria: { narrative: 'Be one of many.' },
});

function credential(
  index: number,
  id = `urn:uuid:00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
) {
  return buildAchievementCredential({
    id,
    issuer,
    achievement,
    recipient: { id: `did:example:learner-${index}`, name: `Learner ${index}` },
    validFrom: '2026-01-15T09:00:00Z',
  });
}

const request = (document: JsonObject, format: SignRequest['format'] = 'di'): SignRequest => ({
  document,
  key,
  format,
  created,
});

function signedDocument(result: SignResult | undefined): JsonObject {
  if (result === undefined || !('document' in result))
    throw new Error(`not signed: ${JSON.stringify(result)}`);
  return result.document;
}

function collectingLogger(): SigningPoolLogger & { messages: string[] } {
  const messages: string[] = [];
  return { messages, warn: (_details, message) => messages.push(message) };
}

describe('createSigningPool', () => {
  let pool: SigningPool;
  beforeAll(() => {
    pool = createSigningPool({ size: 2, batchSize: 20 });
  });
  afterAll(() => pool.close());

  it('signs 200 credentials in worker threads, every one of which verifies', async () => {
    const documents = Array.from({ length: 200 }, (_, index) => credential(index));
    const results = await pool.signMany(documents.map((document) => request(document)));
    expect(pool.mode).toBe('threads');
    expect(results).toHaveLength(200);
    const reports = await Promise.all(
      results.map((result) => verifyCredential(signedDocument(result), { now })),
    );
    expect(reports.filter((report) => !report.verified)).toEqual([]);
    // In request order: each result is the credential that was asked for.
    expect(results.map((result) => signedDocument(result).id)).toEqual(
      documents.map((document) => document.id),
    );
  });

  it('signs VC-JWTs that verify', async () => {
    const results = await pool.signMany([request(credential(1), 'jwt'), request(credential(2), 'jwt')]);
    for (const result of results) {
      if (!('jwt' in result)) throw new Error(`no JWT: ${JSON.stringify(result)}`);
      const report = await verifyCredential(result.jwt, { now });
      expect(report.format).toBe('jwt');
      expect(report.verified).toBe(true);
    }
  });

  it('fails only the bad items of a batch, each with its own error code', async () => {
    const good = [credential(10), credential(11), credential(12)];
    const results = await pool.signMany([
      request(good[0] ?? {}),
      request({ ...credential(13), nickname: 'not defined by any context' }),
      request(good[1] ?? {}),
      { ...request(credential(14)), key: { ...key, secretKey: new Uint8Array(16) } },
      request({ ...credential(15), amount: 10n }),
      request(good[2] ?? {}),
    ]);
    expect(results.map((result) => ('error' in result ? result.error.code : 'signed'))).toEqual([
      'signed',
      'UNDEFINED_TERM',
      'signed',
      'INVALID_KEY',
      'MALFORMED_VALUE_ERROR',
      'signed',
    ]);
    for (const index of [0, 2, 5]) {
      expect((await verifyCredential(signedDocument(results[index]), { now })).verified).toBe(true);
    }
  });

  it('signs single requests made concurrently', async () => {
    const results = await Promise.all([1, 2, 3].map((index) => pool.sign(request(credential(index)))));
    expect(results.map((result) => signedDocument(result).id)).toEqual(
      [1, 2, 3].map((index) => credential(index).id),
    );
  });
});

describe('createSigningPool when a worker crashes', () => {
  const crashingWorker = new URL('./crashing-signing-worker.test-support.ts', import.meta.url);

  it('replaces the worker, retries its batch once, then fails only that batch item by item', async () => {
    const logger = collectingLogger();
    const pool = createSigningPool({ size: 2, batchSize: 5, logger, workerModule: crashingWorker });
    try {
      const documents = Array.from({ length: 20 }, (_, index) =>
        index === 7 ? credential(index, 'urn:test:crash-always') : credential(index),
      );
      const results = await pool.signMany(documents.map((document) => request(document)));
      const outcomes = results.map((result) => ('error' in result ? result.error.code : 'signed'));
      // The first batches are items 0-4 and 5-9 (a retried batch may be split, so fewer may fail).
      expect(outcomes[7]).toBe('INTERNAL');
      outcomes.forEach((outcome, index) => {
        expect(outcome === 'signed' || (outcome === 'INTERNAL' && index >= 5 && index < 10)).toBe(true);
      });
      expect(
        outcomes.filter((outcome, index) => outcome === 'signed' && (index < 5 || index >= 10)),
      ).toHaveLength(15);
      expect(logger.messages.filter((message) => message.includes('exited unexpectedly'))).toHaveLength(2);

      // The replacements sign as usual.
      const after = await pool.signMany([3, 4, 5].map((index) => request(credential(100 + index))));
      expect(after.every((result) => 'document' in result)).toBe(true);
      expect(pool.mode).toBe('threads');
    } finally {
      await pool.close();
    }
  });

  it('signs every item of a batch whose worker crashed once', async () => {
    const token = randomUUID();
    const logger = collectingLogger();
    const pool = createSigningPool({ size: 2, batchSize: 5, logger, workerModule: crashingWorker });
    try {
      const documents = Array.from({ length: 10 }, (_, index) =>
        index === 2 ? credential(index, `urn:test:crash-once:${token}`) : credential(index),
      );
      const results = await pool.signMany(documents.map((document) => request(document)));
      expect(results.every((result) => 'document' in result)).toBe(true);
      expect(logger.messages.filter((message) => message.includes('exited unexpectedly'))).toHaveLength(1);
    } finally {
      await pool.close();
      rmSync(join(tmpdir(), `microcred-crash-once-${token}`), { recursive: true, force: true });
    }
  });
});

describe('createSigningPool fallback and shutdown', () => {
  it('signs in-process, and says so, when the worker module cannot be loaded', async () => {
    const logger = collectingLogger();
    const pool = createSigningPool({
      size: 2,
      logger,
      workerModule: new URL('file:///nonexistent/worker.ts'),
    });
    try {
      expect(pool.mode).toBe('in-process');
      expect(logger.messages).toEqual([expect.stringContaining('signing credentials in-process')]);
      const result = await pool.sign(request(credential(1)));
      expect((await verifyCredential(signedDocument(result), { now })).verified).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('settles in-flight and queued items with an error on close, and every later request too', async () => {
    const pool = createSigningPool({ size: 1, batchSize: 1 });
    expect('document' in (await pool.sign(request(credential(0))))).toBe(true); // the worker is up
    const pending = pool.signMany(Array.from({ length: 6 }, (_, index) => request(credential(index))));
    await Promise.resolve(); // let the pool send two batches; the worker cannot have answered yet
    await pool.close();
    const results = await pending;
    expect(results).toHaveLength(6);
    expect(results.every((result) => 'error' in result && result.error.code === 'INTERNAL')).toBe(true);
    expect(await pool.sign(request(credential(7)))).toEqual({
      error: { code: 'INTERNAL', message: expect.stringContaining('closed') },
    });
  });

  it('refuses a size or batch size that is not a positive integer', () => {
    expect(() => createSigningPool({ size: 0 })).toThrow(RangeError);
    expect(() => createSigningPool({ batchSize: 1.5 })).toThrow(RangeError);
  });
});

// The app runs under tsx (`node --import tsx`, or bin/microcred.js calling register()), not under
// vitest: the workers must load there too, and a closed pool must let the process exit by itself.
describe('createSigningPool in a plain node process', () => {
  const repository = fileURLToPath(new URL('../../../../', import.meta.url));
  const script = `
    const { createSigningPool } = await import(${JSON.stringify(new URL('./signing-pool.ts', import.meta.url).href)});
    const seed = new Uint8Array(32).fill(7);
    const vc = await import(${JSON.stringify(new URL('../../../vc/src/index.ts', import.meta.url).href)});
    const did = vc.didKeyFromPublicKey(vc.generateEd25519KeyPair(seed).publicKey);
    const document = vc.buildAchievementCredential({
      id: 'urn:uuid:7d2c1c6a-51b6-4f57-9f5e-1f3f3a3f0001',
      issuer: vc.buildProfile({ id: did, name: 'Child Process Academy' }),
      achievement: vc.buildAchievement({ id: 'https://issuer.example/a', name: 'A', description: 'A.', criteria: { narrative: 'A.' } }),
      recipient: { id: 'did:example:learner' },
      validFrom: '2026-01-15T09:00:00Z',
    });
    const key = { secretKey: seed, id: did + '#' + did.slice(8), controller: did };
    const pool = createSigningPool({ size: 2 });
    const results = await pool.signMany([1, 2, 3].map(() => ({ document, key, format: 'di', created: '2026-01-15T09:00:00Z' })));
    console.log(JSON.stringify({ mode: pool.mode, signed: results.filter((result) => 'document' in result).length }));
    await pool.close();
  `;
  const run = (args: readonly string[], code: string) =>
    promisify(execFile)(process.execPath, [...args, '--input-type=module', '--eval', code], {
      cwd: repository,
      // A pool that left a worker running would keep the child alive until this kills it.
      timeout: 30_000,
    });

  it('works under node --import tsx and exits after close', async () => {
    const { stdout } = await run(['--import', 'tsx'], script);
    expect(JSON.parse(stdout)).toEqual({ mode: 'threads', signed: 3 });
  });

  it("works under tsx's register(), as bin/microcred.js loads the app, and exits after close", async () => {
    const { stdout } = await run([], `import { register } from 'tsx/esm/api';\nregister();\n${script}`);
    expect(JSON.parse(stdout)).toEqual({ mode: 'threads', signed: 3 });
  });
});
