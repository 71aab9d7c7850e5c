import { performance } from 'node:perf_hooks';
// First, before any schema exists: zod 4 copies prototype methods onto each schema when it is built, so
// the OpenAPI extension reaches only schemas created after this import (other entry points do the same).
import '@hono/zod-openapi';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { type Config, loadConfig } from './config.js';
import { createServerApp } from './create-server-app.js';
import { AesGcmKeyStore, createPgStorage, deriveSubkey, openDatabase, runMigrations } from './db/index.js';
import { seedDemoData } from './domain/demo/seed-demo-data.js';
import { createPlatform, type Platform } from './domain/platform.js';
import { createOperatorMetrics, type OperatorMetrics } from './edge/metrics/operator-metrics.js';
import { guardedWebhookSender } from './edge/outbound/guarded-webhook-sender.js';
import { createGuardedFetcher, guardedLogWitnessSender } from './edge/outbound/index.js';
import { createHttpServer } from './http/create-http-server.js';
import { createMetricsServer } from './http/create-metrics-server.js';
import { listenOnPort } from './http/listen-on-port.js';
import { startBulkWorker } from './jobs/bulk-worker.js';
import { discardTransport, folderTransport, smtpTransport } from './jobs/mail-transports.js';
import { startMailWorker } from './jobs/mail-worker.js';
import { startNotificationWorker } from './jobs/notification-worker.js';
import { startPathwayWorker } from './jobs/pathway-worker.js';
import { createPhotoPool } from './jobs/photo-pool.js';
import { createSigningPool } from './jobs/signing-pool.js';
import type { BackgroundLoop } from './jobs/start-polling-loop.js';
import { startTransparencyLogWorker } from './jobs/transparency-log-worker.js';
import { startVerificationWorker } from './jobs/verification-worker.js';
import { startWebhookWorker } from './jobs/webhook-worker.js';
import { DEFAULT_ESCO_FOLDER, hasEscoFiles, readEscoFiles } from './resources/read-esco-files.js';
import { readResourceMap } from './resources/read-resource-map.js';
import { readTrustRegistries } from './resources/read-trust-registries.js';

export interface RunningPlatform {
  readonly platform: Platform;
  readonly config: Config;
  readonly logger: Logger;
  close(): Promise<void>;
}

/**
 * The composition root: the only place that knows every concrete class. Opens the database (PGlite, or
 * PostgreSQL when DATABASE_URL is set), runs migrations, and builds the platform.
 */
export async function openPlatform(
  config: Config,
  logger: Logger,
  options: { readonly metrics?: OperatorMetrics } = {},
): Promise<RunningPlatform> {
  // Before the database opens: a bad registry file stops the start with nothing to close.
  const trustRegistries = readTrustRegistries(config.trustRegistries);
  const database = await openDatabase(config);
  await runMigrations(database);
  // Signing is CPU-bound: worker threads on every core keep the event loop free for requests.
  const pool = createSigningPool({ logger });
  const photos = createPhotoPool({ logger });
  // The one way the platform reaches the network: what it publishes and the resource map come first.
  const outbound = config.fetch.enabled
    ? createGuardedFetcher({
        allow: config.fetch.allow,
        logger: logger.child({ component: 'outbound-fetch' }),
      })
    : undefined;
  // Webhooks go out through a guarded fetcher of their own: private addresses only with the operator's switch.
  const webhookFetcher = createGuardedFetcher({
    allowPrivateAddresses: config.webhooks.allowPrivate,
    timeoutMs: 10_000,
    logger: logger.child({ component: 'webhooks' }),
  });
  // Witnesses are named by the operator; one at a private address must be in MICROCRED_FETCH_ALLOW too.
  const witnessFetcher = createGuardedFetcher({
    allow: config.fetch.allow,
    timeoutMs: 10_000,
    logger: logger.child({ component: 'log-witnesses' }),
  });
  const platform = createPlatform({
    signer: pool,
    preparePhoto: photos.prepare,
    logger,
    ...(options.metrics === undefined ? {} : { metrics: options.metrics.platform }),
    webhookSender: guardedWebhookSender(webhookFetcher),
    logWitnessing: { ...config.logWitnesses, sender: guardedLogWitnessSender(witnessFetcher) },
    ...(outbound === undefined ? {} : { externalFetcher: outbound.fetchJson, obHostTransport: outbound }),
    verifier: {
      compat: config.verifierCompat,
      ...(config.verifierResources === undefined
        ? {}
        : { resources: readResourceMap({ path: config.verifierResources }) }),
    },
    storage: createPgStorage({ db: database.db }),
    keyStore: new AesGcmKeyStore({ masterKey: config.masterKey }),
    publicUrl: config.publicUrl,
    recipientPepper: deriveSubkey({ masterKey: config.masterKey, purpose: 'recipient-lookup' }),
    ...(config.adminToken === undefined ? {} : { adminToken: config.adminToken }),
    adminEmails: config.adminEmails,
    trust: { registries: trustRegistries },
    policies: config.policies,
  });
  options.metrics?.attach({
    backlog: () => platform.health.backlog(),
    databasePool: () =>
      database.kind === 'postgres'
        ? {
            total: database.pool.totalCount,
            idle: database.pool.idleCount,
            waiting: database.pool.waitingCount,
          }
        : null,
    signingPool: () => pool.use(),
  });
  logger.info(
    { database: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined },
    'database ready',
  );
  if (config.verifierCompat === '1edtech') {
    logger.warn(
      'VERIFIER_COMPAT=1edtech: keys that only a credential vouches for are accepted, with authorship reported as unproven; unsafe for production',
    );
  }
  return {
    platform,
    config,
    logger,
    close: async () => {
      await pool.close();
      await photos.close();
      // What the requests served last are still to write (verification counts) goes in before the end.
      await platform.events.flush();
      await database.close();
    },
  };
}

/**
 * First run: demo data, and an admin token when MICROCRED_ADMIN_TOKEN is not set (printed once; only its
 * hash is stored).
 */
async function prepareFirstRun(running: RunningPlatform): Promise<void> {
  const { platform, config, logger } = running;
  await importSkillsOnFirstRun(running);
  const demo = await seedDemoData(platform);
  if (demo.created)
    logger.info({ issuer: 'demo-university' }, 'created the demo issuer, its achievements and its pathway');
  if (config.adminToken !== undefined) return;
  const token = await platform.apiKeys.ensureAdminToken('first-run admin token');
  if (token === null) return;
  process.stdout.write(
    `\n  Admin API token (shown once; keep it safe, or set MICROCRED_ADMIN_TOKEN):\n\n    ${token}\n\n`,
  );
}

/**
 * ESCO's skills framework, once: when the database has none yet and its files are where they are expected
 * (`shared/data/skills` beside the checkout). Without them the platform runs, with free-text skills only.
 */
async function importSkillsOnFirstRun(running: RunningPlatform): Promise<void> {
  const { platform, logger } = running;
  if ((await platform.skills.framework('esco')) !== null) return;
  if (!hasEscoFiles(DEFAULT_ESCO_FOLDER)) {
    logger.warn(
      { folder: DEFAULT_ESCO_FOLDER },
      'no ESCO files: skills stay free text until `microcred skills import --from DIR`',
    );
    return;
  }
  const started = performance.now();
  const framework = await platform.skills.importEsco(null, await readEscoFiles(DEFAULT_ESCO_FOLDER));
  const aligned = await platform.skills.alignFreeText(null);
  logger.info(
    {
      skills: framework.skills,
      occupations: framework.occupations,
      relations: framework.relations,
      ms: Math.round(performance.now() - started),
      alignedSkills: aligned.skills,
    },
    'imported the ESCO skills framework',
  );
}

/**
 * SMTP when configured; otherwise an outbox folder beside the database (and /dev/mailbox), or, with an
 * in-memory database, nowhere but /dev/mailbox.
 */
function mailTransport(config: Config) {
  if (config.smtpUrl !== undefined) return smtpTransport({ url: config.smtpUrl, from: config.mailFrom });
  if (config.dataDir === ':memory:') return discardTransport();
  return folderTransport({ folder: join(config.dataDir, 'outbox'), from: config.mailFrom });
}

/** `npm start` / `microcred serve`: the HTTP platform on PORT, until SIGINT or SIGTERM. */
export async function startServer(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<void> {
  const config = loadConfig(env);
  const logger = pino({
    level: config.logLevel,
    redact: ['req.headers.authorization', '*.token', '*.secret'],
  });
  // The port is bound first, so that a taken port fails at once, before migrations run or a first-run
  // token is printed for a server that will not start. Requests that arrive meanwhile wait for the app.
  let appIsReady: (app: ReturnType<typeof createServerApp>) => void = () => {};
  const appReady = new Promise<ReturnType<typeof createServerApp>>((resolve) => {
    appIsReady = resolve;
  });
  let readyApp: ReturnType<typeof createServerApp> | undefined;
  const server = createHttpServer({
    fetch: async (request, bindings) => {
      // Not ready while the database opens and migrates: a load balancer must hear so now, not wait.
      if (readyApp === undefined && new URL(request.url).pathname === '/readyz')
        return notReadyWhileStarting();
      return (readyApp ?? (await appReady)).fetch(request, bindings);
    },
  });
  await listenOnPort(server, config.port);
  const metrics = createOperatorMetrics();
  const metricsServer =
    config.metricsPort === undefined ? undefined : createMetricsServer({ registry: metrics.registry });
  let running: RunningPlatform | undefined;
  try {
    if (metricsServer !== undefined && config.metricsPort !== undefined)
      await listenOnPort(metricsServer, config.metricsPort, 'METRICS_PORT');
    running = await openPlatform(config, logger, { metrics });
    await prepareFirstRun(running);
  } catch (error) {
    for (const listening of [server, metricsServer]) {
      listening?.close();
      listening?.closeAllConnections();
    }
    await running?.close();
    throw error;
  }
  let workers: readonly BackgroundLoop[] = [];
  let stopping = false;
  const app = createServerApp({
    platform: running.platform,
    logger,
    readiness: () => ({
      workersRunning: workers.length > 0 && workers.every((worker) => worker.running()),
      stopping,
    }),
    metrics,
    ...(config.metricsToken === undefined ? {} : { metricsToken: config.metricsToken }),
    metricsOnOwnPort: metricsServer !== undefined,
    bodyLimitBytes: config.bodyLimitBytes,
    rateLimits: { ...config.rateLimit, trustProxy: config.trustProxy },
    web: {
      // Browsers drop Secure cookies set over plain http (except on localhost in some), so they follow the URL.
      secureCookies: config.publicUrl.startsWith('https://'),
      devMailbox: config.nodeEnv !== 'production',
      mail: { from: config.mailFrom, retentionDays: config.mailRetentionDays },
    },
  });
  // Bulk jobs and pathway re-evaluations are worked on by every server process; more can run with
  // `microcred worker`.
  const bulkWorker = startBulkWorker({ platform: running.platform, logger });
  const pathwayWorker = startPathwayWorker({ platform: running.platform, logger });
  const verificationWorker = startVerificationWorker({ platform: running.platform, logger });
  const mailWorker = startMailWorker({
    platform: running.platform,
    transport: mailTransport(config),
    retentionDays: config.mailRetentionDays,
    logger,
  });
  // Sweeps at once, so the demo's soon-expiring credential has its reminder in /dev/mailbox at start.
  const notificationWorker = startNotificationWorker({ platform: running.platform, logger });
  const webhookWorker = startWebhookWorker({ platform: running.platform, logger });
  const transparencyLogWorker = startTransparencyLogWorker({ platform: running.platform, logger });
  workers = [
    bulkWorker,
    pathwayWorker,
    verificationWorker,
    mailWorker,
    notificationWorker,
    webhookWorker,
    transparencyLogWorker,
  ];
  readyApp = app;
  appIsReady(app);
  const address = server.address();
  const metricsAddress = metricsServer?.address();
  logger.info(
    {
      port: typeof address === 'object' && address !== null ? address.port : config.port,
      ...(typeof metricsAddress === 'object' && metricsAddress !== null
        ? { metricsPort: metricsAddress.port }
        : {}),
      publicUrl: config.publicUrl,
    },
    `microcred is listening on ${config.publicUrl}`,
  );
  // pino writes asynchronously: what the shutdown logged must be written out before the process ends.
  const exitWithLogsFlushed = (code: number) => {
    process.exitCode = code;
    setTimeout(() => process.exit(code), LOG_FLUSH_MS).unref();
    logger.flush(() => process.exit(code));
  };
  const stop = (signal: string) => {
    if (stopping) {
      // A second signal: whoever sent it does not want to wait.
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // In-flight requests and the workers' current batches get this long; a stuck one must not hold a
    // deploy forever. unref: the timer alone keeps nothing alive.
    setTimeout(() => {
      logger.error({ afterMs: SHUTDOWN_DEADLINE_MS }, 'shutdown did not finish in time: exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    // Keep-alive connections with no request in flight would hold `close` until they time out. A scrape
    // in flight finishes; Prometheus then finds the port closed, as it would a process that is gone.
    metricsServer?.close();
    metricsServer?.closeIdleConnections();
    // Told now, while requests drain, so that no worker claims a new batch meanwhile: each finishes what
    // it started and gives back what it claimed but did not start.
    const workersStopped = Promise.all(workers.map((worker) => worker.stop()));
    server.closeIdleConnections();
    server.close(() => {
      workersStopped
        .then(() => running.close())
        .then(
          () => {
            logger.info({ signal }, 'stopped');
            exitWithLogsFlushed(0);
          },
          (error: unknown) => {
            logger.error({ err: error }, 'error while closing the database');
            exitWithLogsFlushed(1);
          },
        );
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Shutdown's budget: what orchestrators give by default (Kubernetes' grace period is 30 s). */
const SHUTDOWN_DEADLINE_MS = 25_000;

/** How long the last log lines get to be written before the process exits anyway. */
const LOG_FLUSH_MS = 2_000;

function notReadyWhileStarting(): Response {
  return new Response(
    JSON.stringify({ status: 'not-ready', checks: { database: 'unavailable', migrations: 'unknown' } }),
    { status: 503, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } },
  );
}
