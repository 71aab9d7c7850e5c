import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  consistencyProof,
  cosignatureTimestamp,
  formatAddCheckpointRequest,
  openNote,
  parseCosignerVerifierKey,
  parseNoteVerifierKey,
} from '@microcred/vc';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';
import { createWitness, readWitnessKey, startWitnessServer } from './log-witness.js';
import {
  buildTestLog,
  TEST_LOG_KEY,
  TEST_LOG_ORIGIN,
  type TestLog,
  testEntries,
} from './test-transparency-log.js';

const dir = mkdtempSync(join(tmpdir(), 'microcred-witness-'));
const now = new Date('2026-12-04T12:00:00Z');

async function generatedKey(name: string) {
  const out = join(dir, `${name.replace(/\W/g, '_')}.key`);
  const { code, out: printed } = await runCli('log', 'witness-key', 'generate', '--name', name, '--out', out);
  expect(code).toBe(0);
  const verifierKey = /witness verifier key: (\S+)/.exec(printed)?.[1] ?? '';
  return { file: out, verifierKey };
}

function witnessOver(state: string, keyFile: string) {
  return createWitness({
    key: readWitnessKey(keyFile),
    logs: new Map([[TEST_LOG_ORIGIN, [parseNoteVerifierKey(TEST_LOG_KEY)]]]),
    state,
    now: () => now,
  });
}

/** The add-checkpoint body for `log`, claiming the witness last cosigned `old` (of the same history). */
function body(log: TestLog, oldSize: number, proofFrom: TestLog = log): Uint8Array {
  const proof = oldSize === 0 ? [] : consistencyProof(oldSize, log.store.size(), proofFrom.store.read);
  return new TextEncoder().encode(
    formatAddCheckpointRequest({ oldSize, consistencyProof: proof, checkpoint: log.checkpoint }),
  );
}

describe('microcred log witness-key generate', () => {
  it('writes a secret key file (0600) and prints the cosigner verifier key', async () => {
    const { file, verifierKey } = await generatedKey('witness.example/w1');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^PRIVATE\+KEY\+witness\.example\/w1\+/);
    expect(parseCosignerVerifierKey(verifierKey).name).toBe('witness.example/w1');
  });
});

describe('microcred log witness (C2SP tlog-witness add-checkpoint)', () => {
  it('cosigns a checkpoint consistent with the last one, with a cosignature its verifier key verifies', async () => {
    const { file, verifierKey } = await generatedKey('witness.example/w2');
    const witness = witnessOver(join(dir, 'good'), file);
    const first = buildTestLog(testEntries(10));
    const answer = await witness(body(first, 0));
    expect(answer.status).toBe(200);
    const opened = openNote(first.checkpoint + answer.body, [parseCosignerVerifierKey(verifierKey)]);
    expect(opened.verified.map(cosignatureTimestamp)).toEqual([now.getTime() / 1000]);
    const grown = buildTestLog(testEntries(300));
    expect((await witness(body(grown, 10))).status).toBe(200);
  });

  it('refuses an inconsistent checkpoint (422) and a stale old size (409 with the size it holds)', async () => {
    const { file } = await generatedKey('witness.example/w3');
    const state = join(dir, 'refusals');
    const witness = witnessOver(state, file);
    expect((await witness(body(buildTestLog(testEntries(10)), 0))).status).toBe(200);
    // Another history of the first 10 entries, with its own (valid) consistency proof from size 10.
    const forked = buildTestLog(testEntries(20, 1));
    expect(await witness(body(forked, 10))).toMatchObject({ status: 422 });
    expect(await witness(body(buildTestLog(testEntries(20)), 0))).toEqual({
      status: 409,
      contentType: 'text/x.tlog.size',
      body: '10\n',
    });
    // The state is durable: a witness restarted over the same directory holds size 10 too.
    expect(await witnessOver(state, file)(body(buildTestLog(testEntries(20)), 5))).toMatchObject({
      status: 409,
      body: '10\n',
    });
  });

  it('answers 404 for an unknown log, 403 for a bad log signature, 400 for a malformed body', async () => {
    const { file } = await generatedKey('witness.example/w4');
    const witness = witnessOver(join(dir, 'errors'), file);
    const log = buildTestLog(testEntries(4));
    const otherOrigin = log.checkpoint.replaceAll(TEST_LOG_ORIGIN, 'other.example/log');
    const encode = (text: string) => new TextEncoder().encode(text);
    expect((await witness(encode(`old 0\n\n${otherOrigin}`))).status).toBe(404);
    expect((await witness(encode(`old 0\n\n${log.checkpoint.replace('\n4\n', '\n5\n')}`))).status).toBe(403);
    expect((await witness(encode(`old zero\n\n${log.checkpoint}`))).status).toBe(400);
    expect((await witness(encode(`old 9\n\n${log.checkpoint}`))).status).toBe(400);
  });

  it('serializes concurrent requests for one log: one of many racing from the same size wins, none rolls back', async () => {
    const { file } = await generatedKey('witness.example/w5');
    const state = join(dir, 'race');
    const witness = witnessOver(state, file);
    const base = buildTestLog(testEntries(20));
    expect((await witness(body(base, 0))).status).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => witness(body(buildTestLog(testEntries(21 + i)), 20))),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(11);
    const winner = 21 + answers.findIndex((answer) => answer.status === 200);
    expect(answers.find((answer) => answer.status === 409)?.body).toBe(`${winner}\n`);
  });

  it('serves POST /add-checkpoint over HTTP', async () => {
    const { file } = await generatedKey('witness.example/w6');
    const { url, server } = await startWitnessServer({
      key: readWitnessKey(file),
      logs: new Map([[TEST_LOG_ORIGIN, [parseNoteVerifierKey(TEST_LOG_KEY)]]]),
      state: join(dir, 'http'),
      port: 0,
    });
    try {
      const log = buildTestLog(testEntries(3));
      const ok = await fetch(`${url}/add-checkpoint`, { method: 'POST', body: body(log, 0) });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/^\u2014 witness\.example\/w6 \S+\n$/);
      const stale = await fetch(`${url}/add-checkpoint`, { method: 'POST', body: body(log, 0) });
      expect(stale.status).toBe(409);
      expect(stale.headers.get('content-type')).toBe('text/x.tlog.size');
      expect((await fetch(`${url}/add-checkpoint`)).status).toBe(405);
    } finally {
      server.close();
    }
  });
});
