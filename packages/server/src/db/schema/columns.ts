import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, customType, timestamp } from 'drizzle-orm/pg-core';

/**
 * `bytea` as a plain Uint8Array on both drivers (node-postgres returns a Buffer, PGlite a Uint8Array);
 * copied so a row never aliases a driver's pooled memory.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => new Uint8Array(value),
});

/** `timestamptz` read as a Date. */
export function timestamptz(name: string) {
  return timestamp(name, { withTimezone: true, mode: 'date' });
}

/**
 * A check that `column` is one of `values`. Text plus a check, rather than a PostgreSQL enum type,
 * because adding a value to a check is an ordinary migration, while `ALTER TYPE … ADD VALUE` cannot be
 * used in the transaction that adds it.
 */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  const list = values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ');
  return sql`${column} in (${sql.raw(list)})`;
}
