import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import {
  canonicalizeJcs,
  hashLeaf,
  openCheckpoint,
  parseNoteVerifierKey,
  verifyInclusionProof,
} from '@microcred/vc';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN, PUBLIC_URL, seedIssuer } from '../../../test/support/test-platform.js';
import { decodeBackupFile } from '../../db/backup/index.js';
import { type DatabaseHandle, openDatabase } from '../../db/index.js';
import { testDrivers } from '../../db/open-test-database.js';
import type { Platform } from '../../domain/platform.js';
import { withPlatform } from '../with-platform.js';
import { backup } from './backup.js';
import { restore } from './restore.js';

const run = promisify(execFile);
type Env = Record<string, string>;

// The drill opens the database about ten times; PGlite takes seconds to start on a busy machine.
const DRILL_TIMEOUT_MS = 300_000;
const ORIGIN = `${new URL(PUBLIC_URL).host}/log`;

function platformEnvironment(extra: Env): Env {
  return { NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL, MICROCRED_FETCH: 'off', ...extra };
}

function onPlatform<T>(env: Env, use: (platform: Platform) => Promise<T>): Promise<T> {
  return withPlatform((platform) => use(platform), { env, logLevel: 'silent' });
}

interface Seeded {
  readonly slug: string;
  readonly achievementId: string;
  /** The credentials, the last one revoked; each as the verifier takes it and as the log hashes it. */
  readonly credentials: readonly { id: string; input: string | Record<string, unknown>; document: unknown }[];
}

/** An issuer, three credentials (Data Integrity and VC-JWT), one revoked, and a signed checkpoint over them. */
async function seedPlatform(platform: Platform): Promise<Seeded> {
  const { issuer, achievement } = await seedIssuer(platform, 'drill-university');
  const credentials = [];
  for (const [index, format] of (['di', 'jwt', 'di'] as const).entries()) {
    const { record } = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: `drill-${index}@example.org` },
      format,
    });
    credentials.push({ id: record.id, input: record.jwt ?? record.document, document: record.document });
  }
  await platform.credentials.revoke(ADMIN, credentials[2]?.id ?? '', { reason: 'issued in error' });
  const integrated = await platform.transparencyLog.integrate();
  expect(integrated.treeSize).toBeGreaterThanOrEqual(credentials.length);
  return { slug: issuer.slug, achievementId: achievement.id, credentials };
}

/** What an outsider relies on: verification results, status lists, the log's key, checkpoint and proofs. */
async function observe(platform: Platform, seeded: Seeded) {
  const reports = [];
  const statusLists = new Map<string, unknown>();
  const proofs = [];
  for (const credential of seeded.credentials) {
    const report = await platform.verify(credential.input);
    reports.push({
      verified: report.verified,
      failed: report.checks.filter((check) => !check.ok && check.warning !== true).map((check) => check.code),
    });
    const status = (credential.document as { credentialStatus?: { statusListCredential?: string } })
      .credentialStatus?.statusListCredential;
    if (status !== undefined) {
      const listId = status.split('/').at(-1) ?? '';
      const published = await platform.statusLists.publish({ slug: seeded.slug, listId });
      statusLists.set(
        status,
        (published.credential.credentialSubject as { encodedList?: unknown }).encodedList,
      );
    }
    const { loggedAt: _loggedAt, ...proof } = await platform.transparencyLog.proof(
      null,
      credential.id,
      ADMIN,
    );
    proofs.push(proof);
  }
  return {
    reports,
    statusLists: Object.fromEntries(statusLists),
    verifierKey: await platform.transparencyLog.verifierKey(),
    checkpoint: (await platform.transparencyLog.checkpoint()).note,
    proofs,
  };
}

async function seedAndObserve(platform: Platform) {
  const seeded = await seedPlatform(platform);
  return { seeded, before: await observe(platform, seeded) };
}

/** Each credential's proof checked as an outside checker does: the signed checkpoint, then the inclusion path. */
function checkProofs(observed: Awaited<ReturnType<typeof observe>>, seeded: Seeded): void {
  const verifier = parseNoteVerifierKey(observed.verifierKey);
  for (const [index, proof] of observed.proofs.entries()) {
    const { checkpoint } = openCheckpoint(proof.checkpoint, { verifiers: [verifier], origin: ORIGIN });
    const entry = createHash('sha256').update(canonicalizeJcs(seeded.credentials[index]?.document)).digest();
    verifyInclusionProof({
      leafIndex: proof.leafIndex,
      treeSize: checkpoint.size,
      leafHash: hashLeaf(new Uint8Array(entry)),
      proof: proof.inclusionProof.map((hash) => new Uint8Array(Buffer.from(hash, 'base64'))),
      rootHash: checkpoint.rootHash,
    });
  }
}

/** Every row of every table of the platform (and drizzle's migration journal), as a digest per table. */
async function tableDigests(database: DatabaseHandle): Promise<Record<string, string>> {
  const rows = async <T>(text: string): Promise<T[]> =>
    database.kind === 'pglite'
      ? (await database.client.query<T>(text)).rows
      : ((await database.pool.query(text)).rows as T[]);
  const tables = await rows<{ name: string }>(
    `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
      where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`,
  );
  const digests: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await rows<{ count: number; digest: string | null }>(
      `select count(*)::int as count, md5(string_agg(t::text, '|' order by t::text)) as digest from ${name} t`,
    );
    digests[name] = `${row?.count}:${row?.digest ?? ''}`;
  }
  return digests;
}

/** After the restore: what was observed before, unchanged; then the platform signs again. */
async function expectIntact(env: Env, seeded: Seeded, before: Awaited<ReturnType<typeof observe>>) {
  await onPlatform(env, async (platform) => {
    const after = await observe(platform, seeded);
    expect(after).toEqual(before);
    expect(after.reports).toEqual([
      { verified: true, failed: [] },
      { verified: true, failed: [] },
      { verified: false, failed: ['REVOKED'] },
    ]);
    checkProofs(after, seeded);
    expect(await platform.health.sealedKeys()).toEqual({ checked: 2, unopened: [] });

    const { record } = await platform.credentials.issue(ADMIN, {
      achievementId: seeded.achievementId,
      recipient: { email: 'after-restore@example.org' },
    });
    expect((await platform.verify(record.document)).verified).toBe(true);
    const proof = await platform.transparencyLog.proof(null, record.id, ADMIN);
    checkProofs(
      { ...after, proofs: [proof] },
      { ...seeded, credentials: [{ ...record, input: record.document }] },
    );
    expect(proof.treeSize).toBeGreaterThan(before.proofs[0]?.treeSize ?? Number.POSITIVE_INFINITY);
  });
}

/** Restored under another master key: nothing is corrupt, but nothing signs, and it says why. */
async function expectClearErrorWithAnotherKey(env: Env, seeded: Seeded) {
  await onPlatform({ ...env, MASTER_KEY: randomBytes(32).toString('base64') }, async (platform) => {
    expect(await platform.health.sealedKeys()).toEqual({
      checked: 2,
      unopened: ['drill-university', 'transparency-log'],
    });
    await expect(
      platform.credentials.issue(ADMIN, {
        achievementId: seeded.achievementId,
        recipient: { email: 'wrong-key@example.org' },
      }),
    ).rejects.toMatchObject({
      code: 'CRYPTOGRAPHIC_SECURITY_ERROR',
      message: expect.stringMatching(/does not open.*another master key/),
    });
    // Signatures made before still check (the public keys are in the DID documents, unsealed), but the
    // status lists are signed when served, so no verifier can read a status until the right key is back.
    const report = await platform.verify(seeded.credentials[0]?.input ?? {});
    expect(report.checks.find((check) => check.id === 'proof')?.ok).toBe(true);
    expect(report.checks.filter((check) => !check.ok).map((check) => check.code)).toEqual([
      'STATUS_RETRIEVAL_ERROR',
    ]);
    // The log keeps serving what it signed: the checkpoint and the proofs under it.
    const proof = await platform.transparencyLog.proof(null, seeded.credentials[0]?.id ?? '', ADMIN);
    expect(proof.checkpoint).toBe((await platform.transparencyLog.checkpoint()).note);
  });
}

describe.runIf(testDrivers().includes('pglite'))('the restore drill on the embedded database', () => {
  const root = mkdtempSync(join(tmpdir(), 'microcred-drill-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(
    'backs up, loses the data folder, restores, and every credential, status list and log proof is intact',
    async () => {
      const dataDir = join(root, 'data');
      // The development setup: the key generated into DATA_DIR/master.key on first start.
      const env = platformEnvironment({ DATA_DIR: dataDir });
      const { seeded, before } = await onPlatform(env, seedAndObserve);
      checkProofs(before, seeded);
      const masterKeyFile = join(dataDir, 'master.key');
      const digests = await withDatabase(dataDir, tableDigests);

      const file = join(root, 'microcred.backup');
      const out: string[] = [];
      const io = { stdout: (text: string) => out.push(text), stderr: (text: string) => out.push(text) };
      expect(await backup({ out: file }, io, env)).toBe(0);
      expect(out.join('')).toContain(
        `The master key is NOT in the backup, by design: it is in ${masterKeyFile}`,
      );
      // Neither the key's text nor its bytes are anywhere in the data folder's archive.
      const keyText = readFileSync(masterKeyFile, 'utf8').trim();
      const archive = gunzipSync(decodeBackupFile(readFileSync(file)).payload);
      expect(archive.includes(Buffer.from('PG_VERSION'))).toBe(true);
      expect(archive.includes(Buffer.from(keyText))).toBe(false);
      expect(archive.includes(Buffer.from(keyText, 'base64'))).toBe(false);
      expect(archive.includes(Buffer.from('master.key'))).toBe(false);

      // The operator kept the key apart; the machine and its data folder are lost.
      const keptKey = join(root, 'kept-master.key');
      copyFileSync(masterKeyFile, keptKey);
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir);
      copyFileSync(keptKey, masterKeyFile);
      out.length = 0;
      expect(await restore(file, { force: false }, io, env)).toBe(0);
      expect(out.join('')).toContain('opens all 2 sealed signing keys');

      expect(await withDatabase(dataDir, tableDigests)).toEqual(digests);
      await expectIntact(env, seeded, before);
      await expectClearErrorWithAnotherKey(env, seeded);

      // Restored where another master key is configured: the data is back, the command says which keys
      // that master key does not open, and exits 1 so that a script does not go on to start the server.
      out.length = 0;
      const otherKey = { ...env, MASTER_KEY: randomBytes(32).toString('base64') };
      expect(await restore(file, { force: true }, io, otherKey)).toBe(1);
      expect(out.join('')).toContain(
        'the master key in MASTER_KEY does not open 2 of the 2 sealed signing keys (drill-university, transparency-log)',
      );
    },
    DRILL_TIMEOUT_MS,
  );
});

describe.runIf(testDrivers().includes('postgres'))(
  'the restore drill on PostgreSQL (pg_dump, pg_restore)',
  () => {
    // A scratch database of its own on the test server, named uniquely for this run and dropped after it.
    const serverUrl = process.env.TEST_DATABASE_URL ?? '';
    const name = `microcred_drill_${Date.now()}_${randomBytes(4).toString('hex')}`;
    const admin = (sql: string) => withClient(serverUrl, (client) => client.query(sql));
    let root = '';
    afterAll(async () => {
      await admin(`drop database if exists ${name} with (force)`);
      if (root !== '') rmSync(root, { recursive: true, force: true });
    });

    it(
      'dumps, drops the database, restores into a fresh one, and every credential, status list and log proof is intact',
      async () => {
        const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
        root = mkdtempSync(join(tmpdir(), 'microcred-pg-drill-'));
        await admin(`create database ${name}`);
        const env = platformEnvironment({
          DATABASE_URL: url,
          MASTER_KEY: randomBytes(32).toString('base64'),
        });
        const { seeded, before } = await onPlatform(env, seedAndObserve);
        const digests = await withServerDatabase(url, tableDigests);

        // The commands of the README's "Backups", as written there.
        const dump = join(root, 'microcred.dump');
        await run('pg_dump', ['--format=custom', `--file=${dump}`, url]);
        await admin(`drop database ${name} with (force)`);
        await admin(`create database ${name}`);
        await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${url}`, dump]);

        expect(await withServerDatabase(url, tableDigests)).toEqual(digests);
        await expectIntact(env, seeded, before);
        await expectClearErrorWithAnotherKey(env, seeded);

        // Over the database in place: what was issued since the dump is gone, the rest is as dumped.
        await run('pg_restore', [
          '--clean',
          '--if-exists',
          '--no-owner',
          '--exit-on-error',
          `--dbname=${url}`,
          dump,
        ]);
        expect(await withServerDatabase(url, tableDigests)).toEqual(digests);
      },
      DRILL_TIMEOUT_MS,
    );
  },
);

async function withDatabase<T>(dataDir: string, use: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir });
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

async function withServerDatabase<T>(url: string, use: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: url, dataDir: ':memory:' });
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
