import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';
import { seedDemoData } from '../../domain/demo/seed-demo-data.js';
import { withPlatform } from '../with-platform.js';

const dir = mkdtempSync(join(tmpdir(), 'microcred-bulk-cli-'));
const environment = { DATA_DIR: join(dir, 'data'), NODE_ENV: 'test', LOG_LEVEL: 'silent' };

const run = runCli;

describe('microcred bulk-issue on the embedded database', () => {
  let achievementId = '';
  beforeAll(async () => {
    Object.assign(process.env, environment);
    await withPlatform(
      async (platform) => {
        const { issuerId } = await seedDemoData(platform);
        const [achievement] = await platform.achievements.list({ kind: 'admin' }, { issuerId });
        achievementId = achievement?.id ?? '';
      },
      { logLevel: 'silent' },
    );
  });

  it('issues every good row, prints a summary with the failed rows, and exits 1 when any row failed', async () => {
    const csv = ['email,name', 'a1@example.org,A One', 'not-an-email,Bad', 'a3@example.org,A Three', ''].join(
      '\n',
    );
    writeFileSync(join(dir, 'cohort.csv'), csv);
    const result = await run(
      'bulk-issue',
      join(dir, 'cohort.csv'),
      '--achievement',
      achievementId,
      '--no-progress',
    );
    expect(result.err).toBe('');
    expect(result.out).toMatch(/created bulk job [0-9a-f-]{36}: 3 rows \(1 rejected on upload\)/);
    expect(result.out).toMatch(/completed; issued 2, failed 1, of 3 rows/);
    expect(result.out).toMatch(/row 2: .*email/);
    expect(result.code).toBe(1);
  });

  it('exits 0 when every row is issued, and --resume of a finished job issues nothing more', async () => {
    writeFileSync(
      join(dir, 'clean.jsonl'),
      '{"email":"b1@example.org"}\n{"did":"did:example:b2","name":"B2"}\n',
    );
    const result = await run(
      'bulk-issue',
      join(dir, 'clean.jsonl'),
      '--achievement',
      achievementId,
      '--format',
      'jwt',
      '--no-progress',
    );
    expect(result.code, result.err).toBe(0);
    const jobId = /created bulk job ([0-9a-f-]{36})/.exec(result.out)?.[1] ?? '';
    const resumed = await run('bulk-issue', '--resume', jobId, '--no-progress');
    expect(resumed.code).toBe(0);
    expect(resumed.out).toMatch(/issued 2, failed 0, of 2 rows/);

    // The same file again: both recipients hold a valid credential already, so nothing is issued.
    const again = await run(
      'bulk-issue',
      join(dir, 'clean.jsonl'),
      '--achievement',
      achievementId,
      '--no-progress',
    );
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/issued 0, failed 0, of 2 rows, 2 skipped as duplicates/);
    expect(again.out).toMatch(/row 1: duplicate: the recipient already holds/);
    const forced = await run(
      'bulk-issue',
      join(dir, 'clean.jsonl'),
      '--achievement',
      achievementId,
      '--allow-duplicates',
      '--no-progress',
    );
    expect(forced.code, forced.err).toBe(0);
    expect(forced.out).toMatch(/issued 2, failed 0, of 2 rows in/);
  });

  it('refuses a file-level problem with a clear message and a usage error without a file', async () => {
    writeFileSync(join(dir, 'broken.csv'), 'email,name\na@example.org,"Ada\n');
    const broken = await run(
      'bulk-issue',
      join(dir, 'broken.csv'),
      '--achievement',
      achievementId,
      '--no-progress',
    );
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/VALIDATION_ERROR: .*quote/);
    expect((await run('bulk-issue', '--no-progress')).code).toBe(2);
  });
});
