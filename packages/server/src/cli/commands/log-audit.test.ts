import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';
import {
  buildTestLog,
  serveTestLog,
  TEST_LOG_KEY,
  type TestLog,
  testEntries,
} from './test-transparency-log.js';

const dir = mkdtempSync(join(tmpdir(), 'microcred-log-audit-'));
let served: TestLog;
let url: string;
let server: Server;

beforeAll(async () => {
  ({ url, server } = await serveTestLog(() => served));
});
afterAll(() => {
  server.close();
});

function audit(state: string, ...extra: string[]) {
  return runCli('log', 'audit', '--url', url, '--log-key', TEST_LOG_KEY, '--state', state, ...extra);
}

describe('microcred log audit', () => {
  it('recomputes the root from every entry bundle and tile, then follows the log as it grows', async () => {
    const state = join(dir, 'grows');
    // 600 entries: two full entry bundles and tiles, partial ones, and a second tile level.
    served = buildTestLog(testEntries(600));
    const first = await audit(state);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toContain('size 600');
    expect(first.out).toContain('no earlier checkpoint');
    expect(readdirSync(state)).toHaveLength(1);
    served = buildTestLog(testEntries(700));
    const second = await audit(state);
    expect(second).toMatchObject({ code: 0, err: '' });
    expect(second.out).toContain('consistent with the checkpoint of size 600');
  });

  it('reports a fork: the same size with another root', async () => {
    const state = join(dir, 'same-size');
    served = buildTestLog(testEntries(40));
    expect((await audit(state)).code).toBe(0);
    served = buildTestLog(testEntries(40, 1));
    const forked = await audit(state);
    expect(forked.code).toBe(1);
    expect(forked.err).toContain('FORK DETECTED: two checkpoints of size 40 with different roots');
  });

  it('reports a fork: an earlier checkpoint that is not a prefix of the new tree, and keeps the old state', async () => {
    const state = join(dir, 'rewritten');
    served = buildTestLog([...testEntries(10, 2), ...testEntries(5)]);
    expect((await audit(state)).code).toBe(0);
    served = buildTestLog(testEntries(20));
    const forked = await audit(state);
    expect(forked.code).toBe(1);
    expect(forked.err).toContain('FORK DETECTED: the checkpoint of size 15 seen before');
    // The forked checkpoint was not stored: the next audit still compares with size 15.
    expect((await audit(state)).err).toContain('size 15 seen before');
  });

  it('reports a log that shrank', async () => {
    const state = join(dir, 'shrank');
    served = buildTestLog(testEntries(30));
    expect((await audit(state)).code).toBe(0);
    served = buildTestLog(testEntries(20));
    const shrunk = await audit(state);
    expect(shrunk.code).toBe(1);
    expect(shrunk.err).toContain('FORK DETECTED: the log shrank');
  });

  it('checks consistency with a checkpoint file given by --since', async () => {
    const since = join(dir, 'since.checkpoint');
    writeFileSync(since, buildTestLog(testEntries(8, 3)).checkpoint);
    served = buildTestLog(testEntries(50));
    const forked = await audit(join(dir, 'since-state'), '--since', since);
    expect(forked.code).toBe(1);
    expect(forked.err).toContain('FORK DETECTED');
    writeFileSync(since, buildTestLog(testEntries(8)).checkpoint);
    expect((await audit(join(dir, 'since-state'), '--since', since)).code).toBe(0);
  });

  it('refuses a log whose tiles or entries do not match its checkpoint', async () => {
    const honest = buildTestLog(testEntries(300));
    served = { ...honest, entries: testEntries(300, 4) };
    const lying = await audit(join(dir, 'lying'));
    expect(lying.code).toBe(1);
    expect(lying.err).toContain('INVALID LOG: the entries hash to root');
    served = { ...honest, store: buildTestLog(testEntries(300, 5)).store };
    const badTiles = await audit(join(dir, 'lying'));
    expect(badTiles.code).toBe(1);
    expect(badTiles.err).toContain('INVALID LOG: tile/0/000 does not hold the hashes of the entries');
  });

  it('refuses a checkpoint the pinned key did not sign', async () => {
    const other = buildTestLog(testEntries(3));
    served = { ...other, checkpoint: other.checkpoint.replace('\n3\n', '\n4\n') };
    const result = await audit(join(dir, 'tampered'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('INVALID LOG: the checkpoint');
  });

  it('is a usage error without a valid --log-key', async () => {
    const result = await runCli('log', 'audit', '--url', url, '--log-key', 'not-a-key', '--state', dir);
    expect(result.code).toBe(2);
  });
});
