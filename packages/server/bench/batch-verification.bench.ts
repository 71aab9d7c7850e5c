import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import pino from 'pino';
import { createServerApp } from '../src/create-server-app.js';
import { AesGcmKeyStore, createPgStorage } from '../src/db/index.js';
import { openTestDatabase } from '../src/db/open-test-database.js';
import { createPlatform } from '../src/domain/platform.js';
import { startBulkWorker } from '../src/jobs/bulk-worker.js';
import { createSigningPool } from '../src/jobs/signing-pool.js';
import { startVerificationWorker } from '../src/jobs/verification-worker.js';

/**
 * Batch verification through the in-process HTTP app on PGlite: BENCH_VERIFY_BATCH (default 1,000) real
 * credentials of this platform (eddsa-rdfc-2022, issued by a bulk job) in one `POST /api/v1/verifications`,
 * then a verification job of BENCH_VERIFY_JOB items (default 10,000: the same credentials over again)
 * uploaded as JSON lines, verified by one worker, its NDJSON results downloaded.
 */
const BATCH = Number(process.env.BENCH_VERIFY_BATCH ?? 1_000);
const JOB = Number(process.env.BENCH_VERIFY_JOB ?? 10_000);
const ADMIN = { kind: 'admin' } as const;
const TOKEN = randomBytes(24).toString('hex');

const database = await openTestDatabase({ driver: 'pglite' });
const pool = createSigningPool();
try {
  const platform = createPlatform({
    storage: createPgStorage({ db: database.db }),
    keyStore: new AesGcmKeyStore({ masterKey: randomBytes(32) }),
    publicUrl: 'https://badges.example.edu',
    recipientPepper: randomBytes(32),
    signer: pool,
    adminToken: TOKEN,
  });
  const app = createServerApp({
    platform,
    logger: pino({ level: 'silent' }),
    bodyLimitBytes: 1024 * 1024,
    rateLimits: { enabled: false },
  });
  const issuer = await platform.issuers.create(ADMIN, { slug: 'bench', name: 'Bench University' });
  const achievement = await platform.achievements.create(ADMIN, {
    issuerId: issuer.id,
    name: 'Data Analytics Foundations',
    description: 'Cleans, queries and visualises data.',
    criteria: { narrative: 'Pass the assessment.' },
  });
  const rows = Array.from({ length: BATCH }, (_, row) => `learner${row}@example.org,Learner ${row}`);
  const bulk = await platform.bulk.create(ADMIN, {
    achievementId: achievement.id,
    text: ['email,name', ...rows].join('\n'),
  });
  const issuing = startBulkWorker({ platform, jobId: bulk.id, batchSize: 250, pollMs: 50 });
  while ((await platform.bulk.get(ADMIN, bulk.id)).state !== 'completed')
    await new Promise((resolve) => setTimeout(resolve, 200));
  await issuing.stop();
  const credentials: Record<string, unknown>[] = [];
  while (credentials.length < BATCH) {
    const page = await platform.credentials.list(ADMIN, {
      achievementId: achievement.id,
      limit: 500,
      offset: credentials.length,
    });
    if (page.length === 0) break;
    credentials.push(...page.map((record) => record.document));
  }
  if (credentials.length !== BATCH)
    throw new Error(`expected ${BATCH} credentials, got ${credentials.length}`);

  const headers = { Authorization: `Bearer ${TOKEN}` };
  console.log(
    `microcred batch verification benchmark: PGlite, in-process HTTP, ${availableParallelism()} cores\n`,
  );

  const body = JSON.stringify({ credentials });
  const started = process.hrtime.bigint();
  const response = await app.request('/api/v1/verifications', {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body,
  });
  const results = ((await response.json()) as { results: { verified: boolean }[] }).results;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (response.status !== 200 || results.filter((result) => result.verified).length !== BATCH)
    throw new Error(`the batch did not verify: ${response.status}`);
  console.log(
    `sync batch   ${BATCH} credentials (${(body.length / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s: ${(BATCH / seconds).toFixed(0)} credentials/s`,
  );

  const lines = Array.from({ length: JOB }, (_, index) => JSON.stringify(credentials[index % BATCH]));
  const upload = `${lines.join('\n')}\n`;
  const jobStarted = process.hrtime.bigint();
  const created = await app.request('/api/v1/verification-jobs', {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/x-ndjson' },
    body: upload,
  });
  const job = (await created.json()) as { id: string; state: string };
  if (created.status !== 202)
    throw new Error(`the job was refused: ${created.status} ${JSON.stringify(job)}`);
  const stored = Number(process.hrtime.bigint() - jobStarted) / 1e9;
  const worker = startVerificationWorker({ platform, batchSize: 100, pollMs: 50 });
  let state = job.state;
  while (state !== 'completed') {
    await new Promise((resolve) => setTimeout(resolve, 500));
    state = (
      (await (await app.request(`/api/v1/verification-jobs/${job.id}`, { headers })).json()) as {
        state: string;
      }
    ).state;
  }
  await worker.stop();
  const download = await (
    await app.request(`/api/v1/verification-jobs/${job.id}/results`, { headers })
  ).text();
  const jobSeconds = Number(process.hrtime.bigint() - jobStarted) / 1e9;
  const verified = download.split('\n').filter((line) => line.includes('"verified":true')).length;
  if (verified !== JOB) throw new Error(`expected ${JOB} verified results, got ${verified}`);
  // The verification counts of the last batch, before the database closes.
  await platform.events.flush();
  console.log(
    `job          ${JOB} credentials (${(upload.length / 1e6).toFixed(1)} MB upload, stored in ${stored.toFixed(1)} s) ` +
      `in ${jobSeconds.toFixed(1)} s end to end: ${(JOB / jobSeconds).toFixed(0)} credentials/s (one worker)`,
  );
} finally {
  await pool.close();
  await database.close();
}
