import type { DatabaseProbe } from './database-probe.js';
import { type DoctorFinding, ok, problem, warning } from './doctor-finding.js';

/** The oldest PostgreSQL the schema runs on: `UNIQUE NULLS NOT DISTINCT` (migration 0008) came in 15. */
export const MINIMUM_POSTGRES_MAJOR = 15;

/**
 * Leases (bulk rows, jobs, mail) expire by the database clock while the processes date credentials and
 * events by their own: past a few seconds apart, a lease looks expired early or late, and dates disagree.
 */
export const MAX_CLOCK_SKEW_MS = 5_000;

/** The server's version and the functions the schema calls. */
export async function checkDatabaseServer(probe: DatabaseProbe): Promise<DoctorFinding> {
  const version = await probe.version();
  const major = Math.floor(version.number / 10_000);
  const what =
    probe.kind === 'pglite' ? `embedded PGlite (PostgreSQL ${version.text})` : `PostgreSQL ${version.text}`;
  if (!(major >= MINIMUM_POSTGRES_MAJOR))
    return problem(
      'database',
      `${what} is older than ${MINIMUM_POSTGRES_MAJOR}: the migrations use UNIQUE NULLS NOT DISTINCT and do not apply`,
      `upgrade to PostgreSQL ${MINIMUM_POSTGRES_MAJOR} or later (pg_upgrade, or pg_dump and restore)`,
    );
  const missing = await probe.missingFunctions();
  if (missing.length > 0)
    return problem(
      'database',
      `${what} lacks ${missing.join(', ')}, which the schema's defaults call`,
      'use a standard PostgreSQL build (these functions are built in); no extension should be needed',
    );
  return ok('database', `${what}, reachable; no extension needed`);
}

export async function checkMigrations(probe: DatabaseProbe): Promise<DoctorFinding> {
  const pending = await probe.pendingMigrations();
  if (pending === 0) return ok('migrations', 'every migration of this build is applied');
  return warning(
    'migrations',
    `${pending} migration(s) of this build are not applied yet: the first \`microcred serve\` applies them (and /readyz answers 503 until then)`,
    'start one server (or `microcred worker`) to apply them before sending traffic; back the database up first',
  );
}

/**
 * Compares the database's clock with ours, allowing for the round trip: the database read its clock at
 * some instant between our two readings.
 */
export async function checkClockSkew(
  probe: DatabaseProbe,
  localNow: () => number = Date.now,
): Promise<DoctorFinding> {
  const before = localNow();
  const remote = (await probe.now()).getTime();
  const after = localNow();
  const skew = remote - (before + after) / 2;
  const uncertain = (after - before) / 2;
  const seconds = (Math.abs(skew) / 1000).toFixed(1);
  if (Math.abs(skew) - uncertain > MAX_CLOCK_SKEW_MS)
    return problem(
      'clock',
      `this machine's clock is ${seconds} s ${skew > 0 ? 'behind' : 'ahead of'} the database server's (more than ${MAX_CLOCK_SKEW_MS / 1000} s): leases expire early or late, and credentials are dated by the wrong clock`,
      'synchronise both machines with NTP (chrony or systemd-timesyncd) and check `timedatectl`',
    );
  if (probe.kind === 'pglite') return ok('clock', "the embedded database shares this machine's clock");
  return ok('clock', `within ${seconds} s of the database server's clock`);
}
