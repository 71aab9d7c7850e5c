import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { AesGcmKeyStore, createPgStorage } from '../src/db/index.js';
import { openTestDatabase, type TestDriver } from '../src/db/open-test-database.js';
import { createPlatform } from '../src/domain/platform.js';
import type { EventRepository } from '../src/domain/ports/event-repository.js';
import type { Repositories, Storage } from '../src/domain/ports/storage.js';
import type { TransparencyLogRepository } from '../src/domain/ports/transparency-log-repository.js';
import { startBulkWorker } from '../src/jobs/bulk-worker.js';
import { createSigningPool } from '../src/jobs/signing-pool.js';
import { startTransparencyLogWorker } from '../src/jobs/transparency-log-worker.js';

/**
 * End-to-end bulk issuance: CSV upload → durable job → claimed in batches → signed (eddsa-rdfc-2022) on
 * every core → stored, on embedded PGlite and on the PostgreSQL server. Rows: BENCH_BULK_ROWS (default
 * 100,000, as the issue asks); PostgreSQL: BENCH_DATABASE_URL (default the local test server).
 *
 * Then what the event record costs issuing: BENCH_AB_ROUNDS (default 3) rounds of BENCH_AB_ROWS (default
 * 5,000) rows with events recorded and with their writes dropped, interleaved so a load spike hits both;
 * and the same for the transparency log: appended (with its integrator running beside the workers) or not.
 */
const ROWS = Number(process.env.BENCH_BULK_ROWS ?? 100_000);
const AB_ROWS = Number(process.env.BENCH_AB_ROWS ?? 5_000);
const AB_ROUNDS = Number(process.env.BENCH_AB_ROUNDS ?? 3);
// Which A/B sections run: `events`, `log` or both (the default), to give one the whole run.
const AB_SECTIONS = new Set((process.env.BENCH_AB ?? 'events,log').split(','));
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ADMIN = { kind: 'admin' } as const;

function csv(rows: number): string {
  const lines = ['email,name,evidence_url'];
  for (let row = 1; row <= rows; row++)
    lines.push(`learner${row}@example.org,Learner ${row},https://example.org/evidence/${row}`);
  return lines.join('\n');
}

/** The storage with every event append dropped: the baseline that shows what recording costs. */
function withoutEventWrites(storage: Storage): Storage {
  const silenced = (events: EventRepository): EventRepository => ({
    append: async () => 0,
    appendAboutCredential: async () => 0,
    appendAboutCredentials: async (batch) => batch.map(() => false),
    list: (options) => events.list(options),
    appendExpired: (options) => events.appendExpired(options),
    lastCursor: () => events.lastCursor(),
  });
  const quiet = (repositories: Repositories): Repositories => ({
    ...repositories,
    events: silenced(repositories.events),
  });
  return {
    ...quiet(storage),
    transaction: (work) => storage.transaction((tx) => work(quiet(tx))),
    pendingMigrations: () => storage.pendingMigrations(),
    backlog: () => storage.backlog(),
  };
}

/** The storage with every log append dropped: the baseline that shows what the transparency log costs. */
function withoutLogWrites(storage: Storage): Storage {
  const silenced = (log: TransparencyLogRepository): TransparencyLogRepository =>
    new Proxy(log, {
      get: (target, property) =>
        property === 'append'
          ? async () => -1
          : (Reflect.get(target, property, target) as (...args: unknown[]) => unknown).bind(target),
    });
  const quiet = (repositories: Repositories): Repositories => ({
    ...repositories,
    transparencyLog: silenced(repositories.transparencyLog),
  });
  return {
    ...quiet(storage),
    transaction: (work) => storage.transaction((tx) => work(quiet(tx))),
    pendingMigrations: () => storage.pendingMigrations(),
    backlog: () => storage.backlog(),
  };
}

/** CPU seconds the whole machine has spent busy (Linux's /proc/stat), or undefined elsewhere. */
function machineBusySeconds(): number | undefined {
  try {
    const [, user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] =
      readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]?.trim().split(/\s+/).map(Number) ?? [];
    return (user + nice + system + irq + softirq) / 100;
  } catch {
    return undefined;
  }
}

async function run(
  driver: TestDriver,
  options: {
    readonly rows: number;
    readonly events: boolean;
    /** Default true: credentials are logged and the integrator runs. */
    readonly log?: boolean;
    readonly quiet?: boolean;
  },
): Promise<number> {
  const database = await openTestDatabase({ driver, env: { TEST_DATABASE_URL: POSTGRES_URL } });
  try {
    const storage = createPgStorage({ db: database.db });
    const logged = options.log ?? true;
    const withEvents = options.events ? storage : withoutEventWrites(storage);
    const platform = createPlatform({
      storage: logged ? withEvents : withoutLogWrites(withEvents),
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
    const text = csv(options.rows);
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const machineBefore = machineBusySeconds();
    const job = await platform.bulk.create(ADMIN, { achievementId: achievement.id, text });
    const workers = [
      ...[1, 2].map(() => startBulkWorker({ platform, jobId: job.id, batchSize: 500, pollMs: 50 })),
      ...(logged ? [startTransparencyLogWorker({ platform })] : []),
    ];
    let current = job;
    let peakRss = process.memoryUsage.rss();
    while (current.state !== 'completed') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      current = await platform.bulk.get(ADMIN, job.id);
      if (current.state === 'failed' || current.state === 'cancelled')
        throw new Error(`job ${current.state}: ${current.error}`);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    const machineAfter = machineBusySeconds();
    await Promise.all(workers.map((worker) => worker.stop()));
    if (current.done !== options.rows)
      throw new Error(`expected ${options.rows} credentials, got ${current.done}`);
    const rate = options.rows / seconds;
    if (options.quiet !== true) {
      console.log(
        `${driver.padEnd(9)} ${options.rows} rows in ${seconds.toFixed(1)} s: ${rate.toFixed(1)} credentials/s end to end (pool: ${pool.mode}, ${availableParallelism()} cores)`,
      );
      // Where the CPU went, per credential: this process (main thread, signing threads, PGlite when
      // embedded) and the rest of the machine (the PostgreSQL server, and whatever else runs). Their sum
      // bounds the rate this machine's cores can reach, however the work is spread.
      const processMs = ((cpu.user + cpu.system) / 1e3 / options.rows).toFixed(2);
      const rest =
        machineBefore === undefined || machineAfter === undefined
          ? undefined
          : Math.max(0, machineAfter - machineBefore - (cpu.user + cpu.system) / 1e6);
      const restMs = rest === undefined ? 'unknown' : ((rest * 1e3) / options.rows).toFixed(2);
      const ceiling =
        rest === undefined
          ? ''
          : `; all ${availableParallelism()} cores busy at that cost: ${Math.round((availableParallelism() * options.rows) / ((cpu.user + cpu.system) / 1e6 + rest))}/s`;
      console.log(
        `${''.padEnd(9)} CPU per credential: this process ${processMs} ms, rest of the machine ${restMs} ms${ceiling}`,
      );
      console.log(`${''.padEnd(9)} peak RSS of this process: ${Math.round(peakRss / 2 ** 20)} MiB`);
    }
    return rate;
  } finally {
    await database.close();
  }
}

console.log(
  `microcred bulk issuance benchmark: ${ROWS} rows, eddsa-rdfc-2022, CSV upload to stored credentials\n`,
);
// One signing pool for every run: its threads load the modules once (under tsx, a thread that ends keeps
// the loader's cache files open, so a pool per run would exhaust the process's file descriptors).
const pool = createSigningPool();
const pglite = await run('pglite', { rows: ROWS, events: true });
let postgres: number | undefined;
try {
  postgres = await run('postgres', { rows: ROWS, events: true });
} catch (error) {
  console.log(`postgres  skipped: ${(error as Error).message}`);
}
if (postgres !== undefined) console.log(`\nratio postgres / pglite = ${(postgres / pglite).toFixed(2)}x`);

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const drivers = postgres === undefined ? (['pglite'] as const) : (['pglite', 'postgres'] as const);
if (AB_SECTIONS.has('events'))
  console.log(`\nevent recording: ${AB_ROUNDS} interleaved rounds of ${AB_ROWS} rows, with events / without`);
for (const driver of AB_SECTIONS.has('events') ? drivers : []) {
  const ratios: number[] = [];
  for (let round = 0; round < AB_ROUNDS; round++) {
    // Alternate which side goes first: a spike early in a round must not always hit the same side.
    const order = round % 2 === 0 ? [true, false] : [false, true];
    const rates = new Map<boolean, number>();
    for (const events of order) rates.set(events, await run(driver, { rows: AB_ROWS, events, quiet: true }));
    ratios.push((rates.get(true) ?? 0) / (rates.get(false) ?? 1));
  }
  console.log(
    `${driver.padEnd(9)} with/without = ${ratios.map((ratio) => ratio.toFixed(3)).join(', ')} (median ${median(ratios).toFixed(3)}x)`,
  );
}

if (AB_SECTIONS.has('log'))
  console.log(
    `\ntransparency log: ${AB_ROUNDS} interleaved rounds of ${AB_ROWS} rows, logged (integrator running) / not`,
  );
for (const driver of AB_SECTIONS.has('log') ? drivers : []) {
  const ratios: number[] = [];
  for (let round = 0; round < AB_ROUNDS; round++) {
    const order = round % 2 === 0 ? [true, false] : [false, true];
    const rates = new Map<boolean, number>();
    for (const log of order)
      rates.set(log, await run(driver, { rows: AB_ROWS, events: true, log, quiet: true }));
    ratios.push((rates.get(true) ?? 0) / (rates.get(false) ?? 1));
  }
  console.log(
    `${driver.padEnd(9)} with/without = ${ratios.map((ratio) => ratio.toFixed(3)).join(', ')} (median ${median(ratios).toFixed(3)}x)`,
  );
}

await pool.close();
