// Before any schema exists (see main.ts): the OpenAPI extension reaches only schemas created after it.
import '@hono/zod-openapi';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { createServerApp } from '../src/create-server-app.js';
import { createHttpServer } from '../src/http/create-http-server.js';
import { listenOnPort } from '../src/http/listen-on-port.js';
import { startTransparencyLogWorker } from '../src/jobs/transparency-log-worker.js';
import { openPlatform } from '../src/main.js';
import { freePort } from '../test/support/free-port.js';
import { startLoadGenerator } from './load/load-generator.js';
import type { LoadOptions, LoadRequest, LoadResult } from './load/run-autocannon.js';

/**
 * Verification over HTTP against verification in process, and the public documents under load. The
 * server is the one `microcred serve` composes (openPlatform, createServerApp, the Node HTTP server; PGlite
 * in a scratch folder; MICROCRED_RATE_LIMIT=off; request logs at info to a file), listening on a local port
 * in this process; autocannon loads it from a child process, so the load never shares the server's thread.
 *
 * It issues BENCH_N / 5 (at most 100) realistic OB 3.0 credentials through the API, then, in BENCH_ROUNDS
 * (default 3) rounds that interleave the two sides so that a load spike hits both: BENCH_N verifications in
 * process (the use case the route calls, one thread) and BENCH_N `POST /credentials/verify` at each of
 * BENCH_CONNECTIONS (default 1,2,4,8,16), with the server's CPU time per request. The figure the issue asks
 * for is the best HTTP rate whose p99 stays under 25 ms, over the in-process rate. Then `GET /credentials/{id}`
 * (JSON and page), the issuer's DID document and a status list, with and without `If-None-Match`.
 *
 * BENCH_N=50 is a smoke run (one round). Rates depend on the machine and its load; compare the ratios of one
 * run. BENCH_PROFILE=prefix writes the server's CPU profile of each HTTP verification run.
 */
const N = Math.max(10, Number(process.env.BENCH_N ?? 300));
// Under 100 verifications a measure is a smoke run: one round is enough to see that everything works.
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? (N < 100 ? 1 : 3)));
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '1,2,4,8,16')
  .split(',')
  .map(Number)
  .filter((count) => count > 0);
const CREDENTIALS = Math.min(100, Math.ceil(N / 5));
// Where to write the server's CPU profile over the HTTP verification runs (Chrome DevTools format).
const PROFILE = process.env.BENCH_PROFILE;
const P99_BUDGET_MS = 25;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

const benchStarted = performance.now();
const scratch = mkdtempSync(join(tmpdir(), 'microcred-http-bench-'));
const port = await freePort();
const baseUrl = `http://localhost:${port}`;
const adminToken = `mc_bench.${randomBytes(24).toString('base64url')}`;
const config = loadConfig({
  NODE_ENV: 'production',
  PORT: String(port),
  PUBLIC_URL: baseUrl,
  DATA_DIR: join(scratch, 'data'),
  MASTER_KEY: randomBytes(32).toString('base64'),
  MICROCRED_ADMIN_TOKEN: adminToken,
  MICROCRED_RATE_LIMIT: 'off',
  LOG_LEVEL: 'info',
});
// As `microcred serve` logs (pino, asynchronous), to a file rather than this benchmark's output.
const logger = pino(
  { level: config.logLevel, redact: ['req.headers.authorization', '*.token', '*.secret'] },
  pino.destination({ dest: join(scratch, 'server.log'), sync: false }),
);
const running = await openPlatform(config, logger);
const { platform } = running;
const app = createServerApp({
  platform,
  logger,
  bodyLimitBytes: config.bodyLimitBytes,
  rateLimits: { ...config.rateLimit, trustProxy: config.trustProxy },
  web: { secureCookies: false, devMailbox: false },
});
const server = createHttpServer({ fetch: (request, bindings) => app.fetch(request, bindings) });
await listenOnPort(server, port);
// The log's integrator, as the server runs it: a credential not yet in the log verifies with a warning.
const logWorker = startTransparencyLogWorker({ platform, logger });

const generator = startLoadGenerator();
const load = (options: Omit<LoadOptions, 'url'>): Promise<LoadResult> =>
  generator.run({ ...options, url: baseUrl });

function onlyStatus(result: LoadResult, status: number, what: string): void {
  const other = Object.entries(result.statusCounts).filter(([code]) => Number(code) !== status);
  if (other.length > 0)
    throw new Error(`${what}: expected only ${status}, got ${JSON.stringify(result.statusCounts)}`);
}

try {
  const auth = { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' };
  const post = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const issuer = await post('/api/v1/issuers', {
    slug: 'bench-university',
    name: 'Bench University',
    url: 'https://bench.example.edu',
    description: 'A university that exists to be benchmarked.',
  });
  const achievement = await post('/api/v1/achievements', {
    issuerId: issuer.id,
    name: 'Data Analytics Foundations',
    description: 'Cleans, queries and visualises data; communicates findings to a non-specialist audience.',
    criteria: { narrative: 'Complete the four labs and pass the **proctored assessment** (70% or more).' },
    skills: [
      {
        name: 'SQL',
        framework: 'ESCO',
        url: 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742',
      },
      {
        name: 'perform data cleansing',
        framework: 'ESCO',
        url: 'http://data.europa.eu/esco/skill/50b100ea-74fd-4706-99db-3e4ca55e51b8',
      },
    ],
  });
  const issued: { id: string; credential: Record<string, unknown> }[] = [];
  for (let index = 1; index <= CREDENTIALS; index++) {
    const record = await post('/api/v1/credentials', {
      achievementId: achievement.id,
      recipient: { email: `learner${index}@example.org`, name: `Learner ${index}` },
      evidence: [{ url: `https://bench.example.edu/portfolio/${index}`, name: 'Capstone notebook' }],
      narrative: `Learner ${index} cleaned the city-services data set and presented the findings to the council.`,
    });
    issued.push(record as unknown as (typeof issued)[number]);
  }
  // Every credential in the log, so that both sides verify the same complete credentials.
  while ((await platform.transparencyLog.integrate()).integrated > 0);

  const credentials = issued.map((record) => record.credential);
  for (const credential of credentials) {
    const report = await platform.verify(credential);
    if (!report.verified)
      throw new Error(
        `an issued credential does not verify: ${JSON.stringify(report.checks.filter((c) => !c.ok))}`,
      );
  }
  const verifyRequests: LoadRequest[] = credentials.map((credential) => ({
    method: 'POST',
    path: '/credentials/verify',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ verifiableCredential: credential }),
  }));
  const over = await fetch(`${baseUrl}/credentials/verify`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: verifyRequests[0]?.body ?? '',
  });
  if (((await over.json()) as { verified?: boolean }).verified !== true)
    throw new Error('POST /credentials/verify does not verify an issued credential');

  const setupSeconds = (performance.now() - benchStarted) / 1000;
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(
    `microcred HTTP benchmark: PGlite, ${availableParallelism()} cores (${cpu}), load average ${loadavg()[0]?.toFixed(1)} at start`,
  );
  console.log(
    `${CREDENTIALS} OB 3.0 credentials (eddsa-rdfc-2022, ~${Buffer.byteLength(JSON.stringify(credentials[0]))} bytes) issued through the API; ` +
      `${N} verifications per measure, ${ROUNDS} rounds, in-process and HTTP interleaved (set-up ${setupSeconds.toFixed(0)} s)\n`,
  );

  /** CPU milliseconds this process (the server, or the in-process loop) spent per operation in `work`. */
  async function cpuPerOperation<T>(
    operations: number,
    work: () => Promise<T>,
  ): Promise<{ value: T; cpuMs: number }> {
    const before = process.cpuUsage();
    const value = await work();
    const used = process.cpuUsage(before);
    return { value, cpuMs: (used.user + used.system) / 1000 / operations };
  }

  async function inProcessRate(count: number): Promise<{ rate: number; cpuMs: number }> {
    const { value: rate, cpuMs } = await cpuPerOperation(count, async () => {
      const started = process.hrtime.bigint();
      for (let index = 0; index < count; index++) {
        const report = await platform.verify(credentials[index % credentials.length] ?? {});
        if (!report.verified) throw new Error('a credential did not verify in process');
      }
      return count / (Number(process.hrtime.bigint() - started) / 1e9);
    });
    return { rate, cpuMs };
  }

  async function httpVerify(connections: number, amount: number): Promise<LoadResult & { cpuMs: number }> {
    const { value: result, cpuMs } = await cpuPerOperation(Math.max(amount, connections * 5), () =>
      load({ connections, amount: Math.max(amount, connections * 5), requests: verifyRequests }),
    );
    onlyStatus(result, 200, 'POST /credentials/verify');
    return { ...result, cpuMs };
  }

  // Warm-up of both paths (the JIT's tiers, the issuer's keys and status list in memory).
  await inProcessRate(Math.min(N, 100));
  await httpVerify(2, Math.min(N, 100));

  const profiler = PROFILE === undefined ? undefined : new Session();
  if (profiler !== undefined) {
    profiler.connect();
    await profiler.post('Profiler.enable');
  }
  const inProcess: { rate: number; cpuMs: number }[] = [];
  const http = new Map<number, (LoadResult & { cpuMs: number })[]>(CONNECTIONS.map((count) => [count, []]));
  const ratios = new Map<number, number[]>(CONNECTIONS.map((count) => [count, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    const local = await inProcessRate(N);
    inProcess.push(local);
    const line = [`round ${round}: in-process ${local.rate.toFixed(0)}/s`];
    for (const connections of CONNECTIONS) {
      await profiler?.post('Profiler.start');
      const result = await httpVerify(connections, N);
      if (profiler !== undefined && PROFILE !== undefined) {
        const { profile } = await profiler.post('Profiler.stop');
        writeFileSync(
          PROFILE.replace(/(\.cpuprofile)?$/, `-r${round}-c${connections}.cpuprofile`),
          JSON.stringify(profile),
        );
      }
      http.get(connections)?.push(result);
      ratios.get(connections)?.push(result.requestsPerSecond / local.rate);
      line.push(`c=${connections} ${result.requestsPerSecond.toFixed(0)}/s p99 ${result.p99Ms} ms`);
    }
    console.log(line.join(' | '));
  }

  const inProcessRateMedian = median(inProcess.map((measure) => measure.rate));
  const inProcessCpu = median(inProcess.map((measure) => measure.cpuMs));
  console.log(`\nmedians of ${ROUNDS} rounds (CPU: this process's user + system time per verification):`);
  console.log(
    `in-process verify (platform.verify, one thread)   ${inProcessRateMedian.toFixed(1).padStart(8)} /s` +
      `${''.padEnd(25)}CPU ${inProcessCpu.toFixed(2)} ms`,
  );
  let best: { connections: number; rate: number; p99: number; ratio: number } | undefined;
  let leastCpu = Number.POSITIVE_INFINITY;
  for (const connections of CONNECTIONS) {
    const results = http.get(connections) ?? [];
    const rate = median(results.map((result) => result.requestsPerSecond));
    const p50 = median(results.map((result) => result.p50Ms));
    const p99 = median(results.map((result) => result.p99Ms));
    const cpu = median(results.map((result) => result.cpuMs));
    const ratio = median(ratios.get(connections) ?? []);
    console.log(
      `http POST /credentials/verify c=${String(connections).padEnd(3)}               ${rate.toFixed(1).padStart(8)} /s  ` +
        `p50 ${p50.toFixed(0).padStart(3)} ms  p99 ${p99.toFixed(0).padStart(4)} ms  CPU ${cpu.toFixed(2)} ms  ` +
        `http/in-process = ${ratio.toFixed(2)} (CPU in-process/http = ${(inProcessCpu / cpu).toFixed(2)})`,
    );
    if (p99 < P99_BUDGET_MS && (best === undefined || rate > best.rate))
      best = { connections, rate, p99, ratio };
    leastCpu = Math.min(leastCpu, cpu);
  }
  // What a request costs the server beside what the verification costs: the ratio a loaded machine moves least.
  console.log(`http verify / in-process (CPU per verification) = ${(inProcessCpu / leastCpu).toFixed(2)}`);
  if (best === undefined) {
    console.log(`http verify / in-process = 0.00 (no connection count kept p99 under ${P99_BUDGET_MS} ms)`);
  } else {
    // At that rate, paced: autocannon spreads the requests over each second instead of as fast as possible.
    const paced = await load({
      connections: best.connections,
      amount: Math.max(N, Math.round(best.rate)),
      overallRate: Math.floor(best.rate),
      requests: verifyRequests,
    });
    onlyStatus(paced, 200, 'POST /credentials/verify (paced)');
    console.log(
      `http verify / in-process = ${best.ratio.toFixed(2)} (best rate with p99 < ${P99_BUDGET_MS} ms: ` +
        `${best.rate.toFixed(0)}/s at c=${best.connections}; paced at ${Math.floor(best.rate)}/s: ` +
        `${paced.requestsPerSecond.toFixed(0)}/s, p99 ${paced.p99Ms} ms)`,
    );
  }

  // The public documents: each GET as a first visit, then as a cache revalidating what it holds.
  const etags = async (paths: readonly string[], headers: Record<string, string>) => {
    const found: string[] = [];
    for (const path of paths) {
      const response = await fetch(`${baseUrl}${path}`, { headers });
      await response.arrayBuffer();
      const etag = response.headers.get('ETag');
      const cacheControl = response.headers.get('Cache-Control') ?? '';
      if (response.status !== 200 || etag === null || !/^"[^"]+"$/.test(etag))
        throw new Error(`${path}: ${response.status}, ETag ${etag}: no strong validator`);
      if (!/max-age|no-cache|must-revalidate/.test(cacheControl))
        throw new Error(`${path}: Cache-Control ${cacheControl} lets nothing be cached`);
      found.push(etag);
    }
    return found;
  };
  const statusListUrl = (credentials[0]?.credentialStatus as { statusListCredential?: string } | undefined)
    ?.statusListCredential;
  if (statusListUrl === undefined) throw new Error('the credentials carry no status list');
  const documents: { label: string; paths: string[]; headers: Record<string, string> }[] = [
    {
      label: 'GET /credentials/{id} (JSON)',
      paths: issued.map((record) => `/credentials/${record.id}`),
      headers: { Accept: 'application/json' },
    },
    {
      label: 'GET /issuers/{slug}/did.json',
      paths: [`/issuers/${String(issuer.slug)}/did.json`],
      headers: { Accept: 'application/did+json' },
    },
    { label: 'GET status list credential', paths: [new URL(statusListUrl).pathname], headers: {} },
    {
      label: 'GET /credentials/{id} (page)',
      paths: issued.map((record) => `/credentials/${record.id}`),
      // A browser that holds its form token already: the page, and so its ETag, are the same each time.
      headers: { Accept: 'text/html', Cookie: `mc_csrf=${'b'.repeat(43)}` },
    },
  ];
  console.log(
    `\npublic documents (c=4, ${N * 2} requests each; a 304 answers If-None-Match with the current ETag):`,
  );
  for (const document of documents) {
    const tags = await etags(document.paths, document.headers);
    const fresh = await load({
      connections: 4,
      amount: N * 2,
      requests: document.paths.map((path) => ({ method: 'GET', path, headers: document.headers })),
    });
    onlyStatus(fresh, 200, document.label);
    const revalidated = await load({
      connections: 4,
      amount: N * 2,
      requests: document.paths.map((path, index) => ({
        method: 'GET',
        path,
        headers: { ...document.headers, 'If-None-Match': tags[index] ?? '' },
      })),
    });
    onlyStatus(revalidated, 304, `${document.label} with If-None-Match`);
    console.log(
      `${document.label.padEnd(32)} 200: ${fresh.requestsPerSecond.toFixed(0).padStart(6)} /s p99 ${String(fresh.p99Ms).padStart(3)} ms | ` +
        `If-None-Match → 304 (${revalidated.statusCounts['304'] ?? 0}/${revalidated.completed}): ` +
        `${revalidated.requestsPerSecond.toFixed(0).padStart(6)} /s p99 ${String(revalidated.p99Ms).padStart(3)} ms | ` +
        `304/200 = ${(revalidated.requestsPerSecond / fresh.requestsPerSecond).toFixed(2)}`,
    );
  }
} finally {
  await generator.close();
  await logWorker.stop();
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  await running.close();
  logger.flush();
  rmSync(scratch, { recursive: true, force: true });
}
