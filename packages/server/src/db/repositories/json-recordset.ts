import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../database.js';
import { rowsOf } from './query-helpers.js';

type Insert<T extends PgTable> = T['$inferInsert'];

/** A batch of rows as one relation: `columns` for an insert's column and select lists, `recordset` to select from. */
export interface JsonRecordset {
  readonly columns: SQL;
  readonly recordset: SQL;
}

function jsonValue(column: PgColumn, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  // A json(b) column takes the JSON value as it stands; drizzle's own mapping would stringify it.
  if (column.dataType === 'json') return value;
  const driverValue = column.mapToDriverValue(value);
  if (driverValue instanceof Uint8Array) {
    return `\\x${Buffer.from(driverValue.buffer, driverValue.byteOffset, driverValue.byteLength).toString('hex')}`;
  }
  // A parameter reaches PostgreSQL as UTF-8, with a lone surrogate replaced; JSON would carry the lone
  // surrogate as an escape that PostgreSQL refuses. Replaced here too, the two paths store the same text.
  return typeof driverValue === 'string' ? driverValue.toWellFormed() : driverValue;
}

/**
 * A batch of rows sent as one JSON parameter that PostgreSQL turns into a relation,
 * `json_to_recordset($1::json) as r("a" uuid, "b" text, …)`, for a batch insert or update:
 *
 * ```ts
 * const { recordset } = jsonRecordset(bulkJobRows, ['rowNumber', 'state'], outcomes);
 * await db.execute(sql`update ${bulkJobRows} set state = r.state from ${recordset} where …`);
 * ```
 *
 * ({@link insertRows} for an insert).
 *
 * A multi-row `VALUES` built by drizzle costs a Param object, a placeholder and a driver conversion for
 * every value, and PostgreSQL a bind of each; for the bulk path's batches of 500 rows that was a fifth of
 * the main thread. Values go through each column's own driver mapping (dates as ISO strings, bytea as
 * hex), json(b) values as they are. Columns left out take their defaults in an insert.
 */
export function jsonRecordset<T extends PgTable, K extends keyof Insert<T> & string>(
  table: T,
  keys: readonly K[],
  rows: readonly Pick<Insert<T>, K>[],
): JsonRecordset {
  const tableColumns = getTableColumns(table) as Record<string, PgColumn>;
  const columns = keys.map((key) => {
    const column = tableColumns[key];
    if (column === undefined) throw new Error(`${key} is not a column of the table`);
    return column;
  });
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const [index, key] of keys.entries()) {
      const column = columns[index] as PgColumn;
      record[column.name] = jsonValue(column, (row as Record<string, unknown>)[key]);
    }
    return record;
  });
  const names = sql.join(
    columns.map((column) => sql.identifier(column.name)),
    sql`, `,
  );
  const definitions = sql.join(
    columns.map((column) => sql`${sql.identifier(column.name)} ${sql.raw(column.getSQLType())}`),
    sql`, `,
  );
  return {
    columns: names,
    recordset: sql`json_to_recordset(${JSON.stringify(records)}::json) as r(${definitions})`,
  };
}

/**
 * Inserts a batch through {@link jsonRecordset} (`insert into t (…) select … from json_to_recordset(…)`),
 * then `tail` (an `on conflict` clause, a `returning` list), and answers the rows it returned.
 */
export async function insertRows<T extends PgTable, K extends keyof Insert<T> & string>(
  db: Database,
  table: T,
  keys: readonly K[],
  rows: readonly Pick<Insert<T>, K>[],
  tail: SQL = sql``,
): Promise<readonly Readonly<Record<string, unknown>>[]> {
  const { columns, recordset } = jsonRecordset(table, keys, rows);
  return rowsOf(
    await db.execute(sql`insert into ${table} (${columns}) select ${columns} from ${recordset} ${tail}`),
  );
}

/** For tables whose `dedupe_key` is unique where set: a row whose key is already there is not added. */
export const SKIP_KNOWN_DEDUPE_KEYS = sql`on conflict (dedupe_key) where dedupe_key is not null do nothing`;
