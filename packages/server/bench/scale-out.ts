import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../test/support/free-port.js';

/**
 * The scale-out scenario (README "Running at scale"): two `microcred serve` processes and two
 * `microcred worker` processes (SCALE_SERVERS, SCALE_WORKERS) on one PostgreSQL database, all started at once on an empty database, under
 * mixed load for SCALE_SECONDS (default 60): single issuing, bulk uploads, revocations, verifications and
 * credential page views, spread over both servers as a load balancer would. Then it waits for the
 * background work to drain, checks the database for duplicates and lost work, stops every process with
 * SIGTERM and reports throughput, p50/p99 per operation, errors and each process's peak memory.
 *
 * Run after `npm run build`: `npm run scale-out` (or `SCALE_SECONDS=30 npm run scale-out`).
 * SCALE_DATABASE_URL names the server (default the local test server); the scenario creates its own scratch
 * database there and drops it at the end. Exit 1 when any check fails.
 */
const SECONDS = Number(process.env.SCALE_SECONDS ?? 60);
const BULK_ROWS = Number(process.env.SCALE_BULK_ROWS ?? 500);
// The shape of the deployment: 2 + 2 is the scenario; 1 + 0 gives the single process to compare with.
const SERVERS = Math.max(1, Number(process.env.SCALE_SERVERS ?? 2));
const WORKERS = Math.max(0, Number(process.env.SCALE_WORKERS ?? 2));
const SERVER_URL = process.env.SCALE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const LANES = { issue: 3, verify: 3, view: 3, revoke: 1, bulk: 1 } as const;
const DRAIN_TIMEOUT_MS = 10 * 60_000;
const STOP_DEADLINE_MS = 30_000;

type Operation = keyof typeof LANES;
const here = dirname(fileURLToPath(import.meta.url));
const entry = resolve(here, '../dist/main-entry.js');

interface Sample {
  readonly ms: number;
  readonly ok: boolean;
}

interface RunningProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly log: string[];
  peakRssMb: number;
}

function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv): RunningProcess {
  const child = spawn(process.execPath, [entry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const running: RunningProcess = { name, child, log: [], peakRssMb: 0 };
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') running.log.push(line);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return running;
}

/** Peak resident memory so far (VmHWM), read from /proc: the scenario runs on Linux. */
function samplePeakRss(running: RunningProcess): void {
  if (running.child.pid === undefined || running.child.exitCode !== null) return;
  try {
    const status = readFileSync(`/proc/${running.child.pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    if (match?.[1] !== undefined) running.peakRssMb = Math.max(running.peakRssMb, Number(match[1]) / 1024);
  } catch {
    // The process ended between the check and the read.
  }
}

async function waitUntilReady(
  baseUrl: string,
  deadlineMs: number,
  processes: readonly RunningProcess[],
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    const ended = processes.find((running) => running.child.exitCode !== null);
    if (ended !== undefined)
      throw new Error(
        `${ended.name} exited (${ended.child.exitCode}) while starting:\n${ended.log.slice(-10).join('\n')}`,
      );
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${baseUrl} was not ready within ${deadlineMs / 1000} s`);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const adminToken = `mc_scale.${randomBytes(24).toString('base64url')}`;
  const masterKey = randomBytes(32).toString('base64');
  const scratch = `microcred_scale_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${scratch}`);
  const dataRoot = mkdtempSync(join(tmpdir(), 'microcred-scale-'));
  const ports: number[] = [];
  for (let server = 0; server < SERVERS; server++) ports.push(await freePort());
  const publicUrl = `http://localhost:${ports[0]}`;
  const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    ...process.env,
    DATABASE_URL: databaseUrl(SERVER_URL, scratch),
    MASTER_KEY: masterKey,
    MICROCRED_ADMIN_TOKEN: adminToken,
    MICROCRED_RATE_LIMIT: 'off',
    // Both servers answer for one public address, as behind a load balancer.
    PUBLIC_URL: publicUrl,
    LOG_LEVEL: 'warn',
    ...extra,
  });
  const processes: RunningProcess[] = [];
  let failed = false;
  try {
    // All four at once on an empty database: migrations and the first-run seed must sort themselves out.
    for (const [index, port] of ports.entries())
      processes.push(
        startProcess(
          `server ${index + 1}`,
          ['serve'],
          env({ PORT: String(port), DATA_DIR: join(dataRoot, `s${index}`) }),
        ),
      );
    for (let index = 1; index <= WORKERS; index++)
      processes.push(
        startProcess(`worker ${index}`, ['worker'], env({ DATA_DIR: join(dataRoot, `w${index}`) })),
      );
    const servers = ports.map((port) => `http://localhost:${port}`);
    await Promise.all(servers.map((url) => waitUntilReady(url, 120_000, processes)));

    const auth = { Authorization: `Bearer ${adminToken}` };
    const json = { ...auth, 'Content-Type': 'application/json' };
    const issuers = (await (await fetch(`${servers[0]}/api/v1/issuers`, { headers: auth })).json()) as {
      id: string;
    }[];
    const achievements = (await (
      await fetch(`${servers[0]}/api/v1/achievements?issuerId=${issuers[0]?.id}`, { headers: auth })
    ).json()) as { id: string }[];
    const achievementId = achievements[0]?.id;
    if (achievementId === undefined) throw new Error('the first-run seed created no achievement');

    const samples: Record<Operation, Sample[]> = { issue: [], verify: [], view: [], revoke: [], bulk: [] };
    const issued: { id: string; credential: unknown }[] = [];
    const revoked: string[] = [];
    const bulkJobs: string[] = [];
    const errors: string[] = [];
    let served = 0;
    const nextServer = () => servers[served++ % servers.length] as string;
    const stopAt = Date.now() + SECONDS * 1000;
    let sequence = 0;

    const timed = async (operation: Operation, work: () => Promise<Response>): Promise<Response | null> => {
      const started = performance.now();
      try {
        const response = await work();
        const ok = response.status < 400;
        samples[operation].push({ ms: performance.now() - started, ok });
        if (!ok) errors.push(`${operation}: ${response.status} ${(await response.text()).slice(0, 200)}`);
        return ok ? response : null;
      } catch (error) {
        samples[operation].push({ ms: performance.now() - started, ok: false });
        errors.push(`${operation}: ${String(error)}`);
        return null;
      }
    };

    const pick = () => issued[Math.floor(Math.random() * issued.length)];
    const lanes: Record<Operation, () => Promise<void>> = {
      issue: async () => {
        const n = ++sequence;
        const response = await timed('issue', () =>
          fetch(`${nextServer()}/api/v1/credentials`, {
            method: 'POST',
            headers: json,
            body: JSON.stringify({
              achievementId,
              recipient: { email: `single${n}@example.org`, name: `Single ${n}` },
            }),
          }),
        );
        if (response !== null) issued.push((await response.json()) as { id: string; credential: unknown });
      },
      verify: async () => {
        const chosen = pick();
        if (chosen === undefined) return void (await new Promise((done) => setTimeout(done, 50)));
        const response = await timed('verify', () =>
          fetch(`${nextServer()}/credentials/verify`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ verifiableCredential: chosen.credential }),
          }),
        );
        await response?.arrayBuffer();
      },
      view: async () => {
        const chosen = pick();
        if (chosen === undefined) return void (await new Promise((done) => setTimeout(done, 50)));
        const response = await timed('view', () =>
          fetch(`${nextServer()}/credentials/${chosen.id}`, {
            headers: { Accept: 'text/html', 'User-Agent': 'Mozilla/5.0 (scale-out scenario)' },
          }),
        );
        await response?.arrayBuffer();
      },
      revoke: async () => {
        // One revocation for every ten credentials issued, as a steady trickle.
        const target = issued[revoked.length * 10];
        if (target === undefined) return void (await new Promise((done) => setTimeout(done, 200)));
        revoked.push(target.id);
        const response = await timed('revoke', () =>
          fetch(`${nextServer()}/api/v1/credentials/${target.id}/revoke`, {
            method: 'POST',
            headers: json,
            body: JSON.stringify({ reason: 'scale-out scenario' }),
          }),
        );
        await response?.arrayBuffer();
      },
      bulk: async () => {
        const job = bulkJobs.length;
        const lines = ['email,name'];
        for (let row = 1; row <= BULK_ROWS; row++)
          lines.push(`bulk${job}-${row}@example.org,Bulk ${job}-${row}`);
        const response = await timed('bulk', () =>
          fetch(`${nextServer()}/api/v1/bulk-jobs?achievementId=${achievementId}`, {
            method: 'POST',
            headers: { ...auth, 'Content-Type': 'text/csv' },
            body: lines.join('\n'),
          }),
        );
        if (response !== null) bulkJobs.push(((await response.json()) as { id: string }).id);
        // A cohort every few seconds: the workers sign in the background while the other lanes run.
        await new Promise((done) => setTimeout(done, 5_000));
      },
    };

    const sampler = setInterval(() => {
      for (const running of processes) samplePeakRss(running);
    }, 500);
    const loadStarted = performance.now();
    const loadStartedAt = new Date().toISOString();
    await Promise.all(
      (Object.keys(LANES) as Operation[]).flatMap((operation) =>
        Array.from({ length: LANES[operation] }, async () => {
          while (Date.now() < stopAt) await lanes[operation]();
        }),
      ),
    );
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    // Drain: every bulk row ends, every sequenced leaf reaches a checkpoint.
    const database = new pg.Client({ connectionString: databaseUrl(SERVER_URL, scratch) });
    await database.connect();
    const drainStarted = performance.now();
    const count = async (sql: string): Promise<number> => Number((await database.query(sql)).rows[0]?.n ?? 0);
    while (performance.now() - drainStarted < DRAIN_TIMEOUT_MS) {
      const open = await count(
        `select count(*) as n from bulk_job_rows where state in ('pending', 'running')`,
      );
      const unlogged = await count(
        `select count(*) as n from credentials c where not exists (select 1 from log_leaves l where l.credential_id = c.id)`,
      );
      const unsealed = await count(
        `select (select coalesce(max(index) + 1, 0) from log_leaves) - (select coalesce(max(tree_size), 0) from log_checkpoints) as n`,
      );
      const unsent = await count(`select count(*) as n from mail_outbox where sent_at is null`);
      if (open === 0 && unlogged === 0 && unsealed === 0 && unsent === 0) break;
      await new Promise((done) => setTimeout(done, 1_000));
    }
    const drainSeconds = (performance.now() - drainStarted) / 1000;
    clearInterval(sampler);
    for (const running of processes) samplePeakRss(running);

    const checks: [string, number][] = [
      [
        'bulk rows not finished (lost work)',
        await count(`select count(*) as n from bulk_job_rows where state in ('pending', 'running')`),
      ],
      ['bulk rows failed', await count(`select count(*) as n from bulk_job_rows where state = 'failed'`)],
      [
        'bulk rows done without exactly one credential',
        await count(
          `select count(*) as n from bulk_job_rows r where r.state = 'done' and (select count(*) from credentials c where c.bulk_job_id = r.job_id and c.bulk_row = r.row_number) <> 1`,
        ),
      ],
      [
        'status list entries used twice',
        await count(
          `select count(*) as n from (select status_list_id, status_index from credentials where status_list_id is not null group by 1, 2 having count(*) > 1) d`,
        ),
      ],
      [
        'credentials not in the transparency log exactly once',
        await count(
          `select count(*) as n from credentials c where (select count(*) from log_leaves l where l.credential_id = c.id) <> 1`,
        ),
      ],
      [
        'gaps in the log',
        await count(
          `select (select coalesce(max(index) + 1, 0) from log_leaves) - (select count(*) from log_leaves) as n`,
        ),
      ],
      [
        'credentials issued to an address under load without a claim mail',
        await count(
          `select count(*) as n from credentials c
             left join (select distinct announces->>'credentialId' as id from mail_outbox) m on m.id = c.id::text
            where m.id is null and c.recipient_email_hash is not null and c.issued_at >= '${loadStartedAt}'`,
        ),
      ],
      ['mails not delivered', await count(`select count(*) as n from mail_outbox where sent_at is null`)],
      [
        'revocations not recorded',
        revoked.length - (await count(`select count(*) as n from credentials where revoked_at is not null`)),
      ],
      ['request errors', errors.length],
    ];
    const totals = {
      credentials: await count('select count(*) as n from credentials'),
      bulkRows: await count(`select count(*) as n from bulk_job_rows where state = 'done'`),
      logSize: await count('select coalesce(max(tree_size), 0) as n from log_checkpoints'),
    };
    await database.end();

    // SIGTERM everyone, as a rolling restart would, and time the exits.
    const stopStarted = performance.now();
    const exits = await Promise.all(
      processes.map(
        (running) =>
          new Promise<{ name: string; code: number | null; seconds: number }>((done) => {
            running.child.once('exit', (code) =>
              done({ name: running.name, code, seconds: (performance.now() - stopStarted) / 1000 }),
            );
            running.child.kill('SIGTERM');
            setTimeout(() => running.child.kill('SIGKILL'), STOP_DEADLINE_MS).unref();
          }),
      ),
    );
    for (const exit of exits)
      if (exit.code !== 0) checks.push([`${exit.name} exited ${exit.code} on SIGTERM`, 1]);
    const loggedErrors = processes.flatMap((running) =>
      running.log.filter((line) => /"level":(50|60)/.test(line)).map((line) => `${running.name}: ${line}`),
    );
    checks.push(["errors in the processes' logs", loggedErrors.length]);

    const lines: string[] = [];
    lines.push(
      `Scale-out scenario: ${SERVERS} servers + ${WORKERS} workers on one PostgreSQL (${(await admin.query('show server_version')).rows[0]?.server_version}), ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${SECONDS} s of load, cohorts of ${BULK_ROWS} rows`,
    );
    lines.push(
      '',
      '| operation | requests | per second | p50 ms | p99 ms | errors |',
      '|---|---:|---:|---:|---:|---:|',
    );
    for (const operation of Object.keys(LANES) as Operation[]) {
      const list = samples[operation];
      const sorted = list.map((sample) => sample.ms).sort((a, b) => a - b);
      lines.push(
        `| ${operation} | ${list.length} | ${(list.length / loadSeconds).toFixed(1)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${list.filter((sample) => !sample.ok).length} |`,
      );
    }
    lines.push(
      '',
      `Bulk: ${totals.bulkRows} rows issued in the background (${bulkJobs.length} cohorts); the backlog drained ${drainSeconds.toFixed(1)} s after the load stopped.`,
      `Credentials stored: ${totals.credentials}; transparency log size ${totals.logSize}.`,
      `Peak RSS: ${processes.map((running) => `${running.name} ${running.peakRssMb.toFixed(0)} MB`).join(', ')}.`,
      `SIGTERM: ${exits.map((exit) => `${exit.name} exit ${exit.code} in ${exit.seconds.toFixed(1)} s`).join(', ')}.`,
      '',
      'Checks (each expected 0):',
      ...checks.map(([name, value]) => `  ${value === 0 ? 'ok  ' : 'FAIL'} ${name}: ${value}`),
    );
    for (const error of [...errors, ...loggedErrors].slice(0, 10)) lines.push(`  ${error.slice(0, 300)}`);
    const report = lines.join('\n');
    process.stdout.write(`${report}\n`);
    if (process.env.SCALE_REPORT !== undefined) writeFileSync(process.env.SCALE_REPORT, `${report}\n`);
    failed = checks.some(([, value]) => value !== 0);
  } finally {
    for (const running of processes) if (running.child.exitCode === null) running.child.kill('SIGKILL');
    await new Promise((done) => setTimeout(done, 500));
    if (process.env.SCALE_KEEP === undefined)
      await admin.query(`drop database if exists ${scratch} with (force)`);
    await admin.end();
    rmSync(dataRoot, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
