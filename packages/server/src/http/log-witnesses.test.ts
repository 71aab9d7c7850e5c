import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  cosignatureTimestamp,
  formatCosignerVerifierKey,
  generateEd25519KeyPair,
  type NoteVerifier,
  openNote,
  parseCosignerVerifierKey,
  parseNoteVerifierKey,
} from '@microcred/vc';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../test/support/test-platform.js';
import { startWitnessServer } from '../cli/commands/log-witness.js';
import { testDrivers } from '../db/open-test-database.js';
import type { LogWitnessSender } from '../domain/ports/index.js';
import {
  createGuardedFetcher,
  guardedLogWitnessSender,
  parseFetchAllowList,
} from '../edge/outbound/index.js';
import { startTransparencyLogWorker } from '../jobs/transparency-log-worker.js';

const ORIGIN = 'badges.example.edu/log';
const startedAt = Math.floor(Date.now() / 1000);

/** Requests leave through the guarded fetcher, as in production; loopback is on the operator's allow-list. */
const guarded = guardedLogWitnessSender(
  createGuardedFetcher({ allow: parseFetchAllowList('127.0.0.1') ?? [], timeoutMs: 5_000 }),
);
/** Every status the witnesses answered, in order. */
const answered: (number | null)[] = [];
const sender: LogWitnessSender = {
  async send(request) {
    const answer = await guarded.send(request);
    answered.push(answer.status);
    return answer;
  },
};

const servers: Server[] = [];
const apps: TestApp[] = [];
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A C2SP tlog-witness in process (the CLI's), witnessing the logs put in the returned map. */
async function startWitness(name: string) {
  const { publicKey, secretKey } = generateEd25519KeyPair();
  const logs = new Map<string, readonly NoteVerifier[]>();
  const { url, server } = await startWitnessServer({
    key: { name, secretKey },
    logs,
    state: mkdtempSync(join(tmpdir(), 'microcred-log-witness-')),
    port: 0,
    host: '127.0.0.1',
  });
  servers.push(server);
  return { url, logs, verifierKey: formatCosignerVerifierKey(name, publicKey) };
}

/** A witness that answers every request with `status`. */
async function startBrokenWitness(status: number): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'text/plain' }).end('no\n');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function openApp(
  driver: Parameters<typeof openTestApp>[0],
  witnesses: { url: string; verifierKey: string }[],
  quorum: number,
) {
  const app = await openTestApp(driver, {
    web: { secureCookies: false, devMailbox: true },
    platform: { logWitnessing: { witnesses, quorum, sender } },
  });
  apps.push(app);
  return app;
}

async function issueOne(app: TestApp) {
  const { achievement } = await seedIssuer(app.platform);
  const issued = await app.platform.credentials.issue(ADMIN, {
    achievementId: achievement.id,
    recipient: { email: 'witnessed@example.org' },
  });
  return issued.record.id;
}

async function credentialPage(app: TestApp, id: string): Promise<string> {
  const page = await app.call(`/credentials/${id}`, { headers: { Accept: 'text/html' } });
  expect(page.status).toBe(200);
  return page.text;
}

describe.each(testDrivers())('the log asking its witnesses to cosign on %s', (driver) => {
  it('serves the checkpoint with a cosignature that verifies, and says the credential is witnessed', async () => {
    const witness = await startWitness('witness.example/w1');
    const app = await openApp(driver, [{ url: witness.url, verifierKey: witness.verifierKey }], 1);
    const logKey = await app.platform.transparencyLog.verifierKey();
    witness.logs.set(ORIGIN, [parseNoteVerifierKey(logKey)]);
    const first = await issueOne(app);
    await app.platform.transparencyLog.integrate();
    expect(await app.platform.transparencyLog.witness()).toMatchObject({ cosigned: 1, failures: [] });
    // A second checkpoint: the witness is asked from the size it cosigned, with a consistency proof.
    const second = await issueOne(app);
    await app.platform.transparencyLog.integrate();
    expect(await app.platform.transparencyLog.witness()).toMatchObject({ cosigned: 1, failures: [] });
    // Nothing new: the witness is not asked again.
    expect((await app.platform.transparencyLog.witness()).cosigned).toBe(0);
    // The log forgot what the witness cosigned: the witness answers 409 with its size, the log retries from it.
    await app.database.db.execute(sql`delete from log_witnesses`);
    await issueOne(app);
    await app.platform.transparencyLog.integrate();
    answered.length = 0;
    expect(await app.platform.transparencyLog.witness()).toMatchObject({ cosigned: 1, failures: [] });
    expect(answered).toEqual([409, 200]);

    const checkpoint = await app.call('/log/checkpoint');
    expect(checkpoint.status).toBe(200);
    const logVerifier = parseNoteVerifierKey(logKey);
    expect(openNote(checkpoint.text, [logVerifier]).verified).toHaveLength(1);
    const cosigned = openNote(checkpoint.text, [parseCosignerVerifierKey(witness.verifierKey)]).verified;
    expect(cosigned).toHaveLength(1);
    const [cosignature] = cosigned;
    if (cosignature === undefined) throw new Error('no cosignature');
    const timestamp = cosignatureTimestamp(cosignature);
    expect(timestamp).toBeGreaterThanOrEqual(startedAt - 1);
    expect(timestamp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 1);

    for (const id of [first, second]) {
      const page = await credentialPage(app, id);
      expect(page).toContain('data-log-witnessed="1"');
      expect(page).toContain('Witnessed by 1 of the log’s 1 witnesses.');
    }
  });

  it('does not say "witnessed" while the quorum is not met', async () => {
    const witness = await startWitness('witness.example/w2');
    const app = await openApp(driver, [{ url: witness.url, verifierKey: witness.verifierKey }], 2);
    witness.logs.set(ORIGIN, [parseNoteVerifierKey(await app.platform.transparencyLog.verifierKey())]);
    const id = await issueOne(app);
    await app.platform.transparencyLog.integrate();
    expect((await app.platform.transparencyLog.witness()).cosigned).toBe(1);
    const page = await credentialPage(app, id);
    expect(page).toContain('data-log-position=');
    expect(page).not.toContain('data-log-witnessed');
    expect(page).not.toContain('Witnessed');
  });

  it('logs a witness answering 422 or 500 and keeps issuing and integrating', async () => {
    const witness = await startWitness('witness.example/w3');
    const broken = [await startBrokenWitness(422), await startBrokenWitness(500)];
    const app = await openApp(
      driver,
      [
        ...broken.map((url) => ({ url, verifierKey: witness.verifierKey })),
        { url: witness.url, verifierKey: witness.verifierKey },
      ],
      3,
    );
    witness.logs.set(ORIGIN, [parseNoteVerifierKey(await app.platform.transparencyLog.verifierKey())]);
    const lines: string[] = [];
    const logger = pino(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const worker = startTransparencyLogWorker({ platform: app.platform, logger, pollMs: 20 });
    const id = await issueOne(app);
    const witnessKeys = [parseCosignerVerifierKey(witness.verifierKey)];
    // Until the worker has integrated the credential's leaf and gone round the witnesses for that checkpoint.
    const settled = async () => {
      const leaf = await app.storage.transparencyLog.leafOfCredential({ credentialId: id });
      const checkpoint = (await app.call('/log/checkpoint')).text;
      return (
        leaf !== null &&
        checkpoint.startsWith(`${ORIGIN}\n${leaf.index + 1}\n`) &&
        openNote(checkpoint, witnessKeys).verified.length === 1 &&
        lines.filter((line) => line.includes('did not cosign')).length >= 2
      );
    };
    try {
      await expect.poll(settled, { timeout: 10_000 }).toBe(true);
    } finally {
      await worker.stop();
    }
    const failures = lines.filter((line) => line.includes('did not cosign')).map((line) => JSON.parse(line));
    expect(failures.map((failure) => failure.status)).toEqual(expect.arrayContaining([422, 500]));
    expect(lines.some((line) => line.includes('integration failed'))).toBe(false);
    // The working witness cosigned; 1 of 3 is short of the quorum, so the page says nothing about witnesses.
    expect(await credentialPage(app, id)).not.toContain('data-log-witnessed');
    // Issuing never waits on witnesses: another credential is issued and logged while they still fail.
    const next = await issueOne(app);
    expect(await app.storage.transparencyLog.leafOfCredential({ credentialId: next })).not.toBeNull();
  });
});
