import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { AesGcmKeyStore, createPgStorage } from '../src/db/index.js';
import { openTestDatabase, type TestDriver } from '../src/db/open-test-database.js';
import { createPlatform } from '../src/domain/platform.js';
import { startBulkWorker } from '../src/jobs/bulk-worker.js';
import { createSigningPool } from '../src/jobs/signing-pool.js';

/**
 * End-to-end bulk issuance: CSV upload → durable job → claimed in batches → signed (eddsa-rdfc-2022) on
 * every core → stored, on embedded PGlite and on the PostgreSQL server. Rows: BENCH_BULK_ROWS (default
 * 100,000, as the issue asks); PostgreSQL: BENCH_DATABASE_URL (default the local test server).
 */
const ROWS = Number(process.env.BENCH_BULK_ROWS ?? 100_000);
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ADMIN = { kind: 'admin' } as const;

function csv(rows: number): string {
  const lines = ['email,name,evidence_url'];
  for (let row = 1; row <= rows; row++)
    lines.push(`learner${row}@example.org,Learner ${row},https://example.org/evidence/${row}`);
  return lines.join('\n');
}

async function run(driver: TestDriver): Promise<number> {
  const database = await openTestDatabase({ driver, env: { TEST_DATABASE_URL: POSTGRES_URL } });
  const pool = createSigningPool();
  try {
    const platform = createPlatform({
      storage: createPgStorage({ db: database.db }),
      keyStore: new AesGcmKeyStore({ masterKey: randomBytes(32) }),
      publicUrl: 'https://badges.example.edu',
      recipientPepper: randomBytes(32),
      signer: pool,
    });
    const issuer = await platform.issuers.create(ADMIN, { slug: 'bench', name: 'Bench University' });
    const achievement = await platform.achievements.create(ADMIN, {
      issuerId: issuer.id,
      name: 'Data Analytics Foundations',
      description: 'Cleans, queries and visualises data.',
      criteria: { narrative: 'Pass the assessment.' },
      skills: [
        {
          name: 'SQL',
          framework: 'ESCO',
          url: 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742',
        },
      ],
    });
    const text = csv(ROWS);
    const started = process.hrtime.bigint();
    const job = await platform.bulk.create(ADMIN, { achievementId: achievement.id, text });
    const workers = [1, 2].map(() =>
      startBulkWorker({ platform, jobId: job.id, batchSize: 500, pollMs: 50 }),
    );
    let current = job;
    while (current.state !== 'completed') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      current = await platform.bulk.get(ADMIN, job.id);
      if (current.state === 'failed' || current.state === 'cancelled')
        throw new Error(`job ${current.state}: ${current.error}`);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await Promise.all(workers.map((worker) => worker.stop()));
    if (current.done !== ROWS) throw new Error(`expected ${ROWS} credentials, got ${current.done}`);
    const rate = ROWS / seconds;
    console.log(
      `${driver.padEnd(9)} ${ROWS} rows in ${seconds.toFixed(1)} s: ${rate.toFixed(1)} credentials/s end to end (pool: ${pool.mode}, ${availableParallelism()} cores)`,
    );
    return rate;
  } finally {
    await pool.close();
    await database.close();
  }
}

console.log(
  `microcred bulk issuance benchmark: ${ROWS} rows, eddsa-rdfc-2022, CSV upload to stored credentials\n`,
);
const pglite = await run('pglite');
let postgres: number | undefined;
try {
  postgres = await run('postgres');
} catch (error) {
  console.log(`postgres  skipped: ${(error as Error).message}`);
}
if (postgres !== undefined) console.log(`\nratio postgres / pglite = ${(postgres / pglite).toFixed(2)}x`);
