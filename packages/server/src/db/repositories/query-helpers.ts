import { ErrorCode, MicrocredError } from '@microcred/vc';
import { translateDatabaseError } from '../translate-database-error.js';

/** The one row an `insert … returning` or `update … returning` must produce. */
export function onlyRow<T>(rows: readonly T[], subject: string): T {
  const row = rows[0];
  if (row === undefined) throw new MicrocredError(ErrorCode.INTERNAL, `No ${subject} row was returned`);
  return row;
}

/** Rows-per-page: the default when unset, never above `max`, never below 1. */
export function pageLimit(
  limit: number | undefined,
  options: { readonly fallback: number; readonly max: number },
) {
  if (limit === undefined || !Number.isFinite(limit)) return options.fallback;
  return Math.min(options.max, Math.max(1, Math.trunc(limit)));
}

export function pageOffset(offset: number | undefined): number {
  if (offset === undefined || !Number.isFinite(offset)) return 0;
  return Math.max(0, Math.trunc(offset));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids come from URLs; anything that is not a UUID cannot exist, and asking PostgreSQL would fail with a
 * type error rather than find nothing.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The rows of a raw `execute`: both drivers answer `{ rows }`. */
export function rowsOf<T>(result: unknown): readonly T[] {
  return (result as { readonly rows: readonly T[] }).rows;
}

/** Runs `query`, rethrowing database errors as `MicrocredError`s about `subject`. */
export async function guarded<T>(subject: string, query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    throw translateDatabaseError(error, { subject });
  }
}
