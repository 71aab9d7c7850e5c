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
  isMicrocredError,
  type JsonObject,
  verifyCredential,
} from '@microcred/vc';
import { describe, expect, it } from 'vitest';
import type {
  SeedSigningKey,
  SignedCredential,
  SignRequest,
} from '../domain/credential/credential-signer.js';
import { createSigningPool, type SigningPoolLogger, workerExecArgv } from './signing-pool.js';

// What every signer does is in signer.contract.test.ts; this file checks what only the pool does: threads
// that crash, a worker module that cannot load, closing with work in flight, and loading under tsx.

const seed = new Uint8Array(createHash('sha256').update('microcred/signing-pool-test').digest());
const did = didKeyFromPublicKey(generateEd25519KeyPair(seed).publicKey);
const key: SeedSigningKey = {
  secretKey: seed,
  id: `${did}#${did.slice('did:key:'.length)}`,
  controller: did,
};
const created = new Date('2026-01-15T09:00:00Z');
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

const request = (document: JsonObject): SignRequest => ({ document, signingKey: key, format: 'di', created });

const outcome = (result: SignedCredential | Error) =>
  result instanceof Error ? (isMicrocredError(result) ? result.code : result.message) : 'signed';

function collectingLogger(): SigningPoolLogger & { messages: string[] } {
  const messages: string[] = [];
  return { messages, warn: (_details, message) => messages.push(message) };
}

describe('createSigningPool when a worker crashes', () => {
  const crashingWorker = new URL('./crashing-signing-worker.test-support.ts', import.meta.url);

  it('retries the credential once on a fresh worker, then rejects it with INTERNAL; the others are signed', async () => {
    const logger = collectingLogger();
    const pool = createSigningPool({ size: 2, logger, workerModule: crashingWorker });
    try {
      const documents = Array.from({ length: 12 }, (_, index) =>
        index === 7 ? credential(index, 'urn:test:crash-always') : credential(index),
      );
      const results = await pool.signMany(documents.map((document) => request(document)));
      expect(results.map(outcome)).toEqual(
        documents.map((_, index) => (index === 7 ? 'INTERNAL' : 'signed')),
      );
      expect(logger.messages.filter((message) => message.includes('retrying'))).toHaveLength(1);
      const reports = await Promise.all(
        results.flatMap((result) =>
          result instanceof Error ? [] : [verifyCredential(result.document, { now })],
        ),
      );
      expect(reports.filter((report) => !report.verified)).toEqual([]);

      // The replacements sign as usual.
      const after = await pool.signMany([3, 4, 5].map((index) => request(credential(100 + index))));
      expect(after.map(outcome)).toEqual(['signed', 'signed', 'signed']);
      expect(pool.mode).toBe('threads');
    } finally {
      await pool.close();
    }
  });

  it('signs a credential whose worker crashed once', async () => {
    const token = randomUUID();
    const logger = collectingLogger();
    const pool = createSigningPool({ size: 2, logger, workerModule: crashingWorker });
    try {
      const documents = Array.from({ length: 6 }, (_, index) =>
        index === 2 ? credential(index, `urn:test:crash-once:${token}`) : credential(index),
      );
      const results = await pool.signMany(documents.map((document) => request(document)));
      expect(results.map(outcome)).toEqual(documents.map(() => 'signed'));
      expect(logger.messages.filter((message) => message.includes('retrying'))).toHaveLength(1);
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
      const signed = await pool.sign(request(credential(1)));
      expect((await verifyCredential(signed.document, { now })).verified).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('lets the credential being signed finish on close, and rejects the queued ones with INTERNAL', async () => {
    const pool = createSigningPool({ size: 1 });
    await pool.sign(request(credential(0))); // the worker is up
    const pending = pool.signMany(Array.from({ length: 6 }, (_, index) => request(credential(index))));
    await pool.close();
    const results = await pending;
    expect(results.map(outcome)).toEqual([
      'signed',
      'INTERNAL',
      'INTERNAL',
      'INTERNAL',
      'INTERNAL',
      'INTERNAL',
    ]);
  });

  it("gives workers the parent's options, but not those of the main script", () => {
    expect(
      workerExecArgv([
        '--conditions=@microcred/source',
        '--import',
        'tsx',
        '--input-type=module',
        '--eval',
        'console.log(1)',
        '-p',
        '2',
        '--input-type',
        'module',
        '--enable-source-maps',
      ]),
    ).toEqual(['--conditions=@microcred/source', '--import', 'tsx', '--enable-source-maps']);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => createSigningPool({ size: 0 })).toThrow(RangeError);
    expect(() => createSigningPool({ size: 1.5 })).toThrow(RangeError);
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
    const signingKey = { secretKey: seed, id: did + '#' + did.slice(8), controller: did };
    const pool = createSigningPool({ size: 2 });
    const results = await pool.signMany([1, 2, 3].map(() => ({ document, signingKey, format: 'di', created: new Date('2026-01-15T09:00:00Z') })));
    console.log(JSON.stringify({ mode: pool.mode, signed: results.filter((result) => !(result instanceof Error) && result.jwt === null).length }));
    await pool.close();
  `;
  const run = (args: readonly string[], code: string) =>
    // The workspace packages export their TypeScript sources under this condition; workers inherit it.
    promisify(execFile)(
      process.execPath,
      ['--conditions=@microcred/source', ...args, '--input-type=module', '--eval', code],
      {
        cwd: repository,
        // A pool that left a worker running would keep the child alive until this kills it.
        timeout: 30_000,
      },
    );

  it('works under node --import tsx and exits after close', async () => {
    const { stdout } = await run(['--import', 'tsx'], script);
    expect(JSON.parse(stdout)).toEqual({ mode: 'threads', signed: 3 });
  });

  it("works under tsx's register(), as bin/microcred.js loads the app, and exits after close", async () => {
    const { stdout } = await run([], `import { register } from 'tsx/esm/api';\nregister();\n${script}`);
    expect(JSON.parse(stdout)).toEqual({ mode: 'threads', signed: 3 });
  });
});
