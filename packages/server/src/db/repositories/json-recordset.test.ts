import { asc, sql } from 'drizzle-orm';
import { bigint, boolean, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../open-database.js';
import { openTestDatabase, testDrivers } from '../open-test-database.js';
import { bytea, timestamptz } from '../schema/columns.js';
import { jsonRecordset } from './json-recordset.js';
import { rowsOf } from './query-helpers.js';

const samples = pgTable('json_recordset_samples', {
  id: integer('id').primaryKey(),
  name: text('name'),
  data: jsonb('data'),
  raw: bytea('raw'),
  at: timestamptz('at'),
  big: bigint('big', { mode: 'number' }),
  flag: boolean('flag'),
  note: text('note').notNull().default('by default'),
});

type Sample = typeof samples.$inferInsert;

const values: Omit<Sample, 'id'>[] = [
  {
    name: 'O\'Brien "quoted" \\ back\nslash\ttab — ünïcödé 🎓',
    data: { nested: { list: [1, 'two', null, true] }, text: 'a "b" \\ c' },
    raw: new Uint8Array([0, 1, 2, 254, 255, 92, 120]),
    at: new Date('2026-12-06T12:34:56.789Z'),
    big: Number.MAX_SAFE_INTEGER,
    flag: true,
  },
  // A json(b) column holding a bare string or number, and empty values.
  { name: '', data: 'just a string', raw: new Uint8Array(), at: new Date(0), big: -1, flag: false },
  { name: null, data: 42, raw: null, at: null, big: null, flag: null },
  // A lone surrogate reaches PostgreSQL as U+FFFD through a parameter; it must through JSON too.
  { name: 'lone \ud800 surrogate', data: null, raw: null, at: null, big: 0, flag: null },
];

describe.each(testDrivers())('jsonRecordset on %s', (driver) => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await openTestDatabase({ driver });
    await database.db.execute(sql`drop table if exists json_recordset_samples`);
    await database.db.execute(sql`
      create table json_recordset_samples (id integer primary key, name text, data jsonb, raw bytea,
        at timestamptz, big bigint, flag boolean, note text not null default 'by default')`);
  });
  afterAll(async () => {
    await database?.db.execute(sql`drop table if exists json_recordset_samples`);
    await database?.close();
  });

  it('stores every kind of value as drizzle’s own multi-row insert does, and leaves omitted columns to their defaults', async () => {
    const { db } = database;
    await db.insert(samples).values(values.map((value, index) => ({ id: index + 1, ...value })));
    const { columns, recordset } = jsonRecordset(
      samples,
      ['id', 'name', 'data', 'raw', 'at', 'big', 'flag'],
      values.map((value, index) => ({ id: 101 + index, ...value })),
    );
    const inserted = rowsOf<{ readonly id: number }>(
      await db.execute(
        sql`insert into ${samples} (${columns}) select ${columns} from ${recordset} returning id`,
      ),
    );
    expect(inserted.map((row) => row.id)).toEqual([101, 102, 103, 104]);

    const rows = await db.select().from(samples).orderBy(asc(samples.id));
    const byDrizzle = rows.filter((row) => row.id <= 100).map(({ id: _id, ...row }) => row);
    const byJson = rows.filter((row) => row.id > 100).map(({ id: _id, ...row }) => row);
    expect(byJson).toEqual(byDrizzle);
    expect(byJson[0]?.raw).toEqual(values[0]?.raw);
    expect(byJson[0]?.data).toEqual(values[0]?.data);
    expect(byJson[1]?.data).toBe('just a string');
    expect(byJson[3]?.name).toBe('lone \ufffd surrogate');
    expect(byJson.every((row) => row.note === 'by default')).toBe(true);
    // Read back through drizzle, a JSON document stored as a JSON string would parse the same: the stored
    // kinds tell them apart.
    const kinds = rowsOf<{ readonly id: number; readonly kind: string | null }>(
      await db.execute(sql`select id, jsonb_typeof(data) as kind from ${samples} order by id`),
    );
    expect(kinds.filter((row) => row.id > 100).map((row) => row.kind)).toEqual([
      'object',
      'string',
      'number',
      null,
    ]);
    expect(kinds.filter((row) => row.id <= 100).map((row) => row.kind)).toEqual([
      'object',
      'string',
      'number',
      null,
    ]);
  });

  it('updates rows matched on the recordset, the rest untouched', async () => {
    const { db } = database;
    const { recordset } = jsonRecordset(
      samples,
      ['id', 'name'],
      [
        { id: 101, name: 'renamed' },
        { id: 103, name: 'also renamed' },
        { id: 999, name: 'no such row' },
      ],
    );
    const updated = rowsOf<{ readonly id: number }>(
      await db.execute(
        sql`update ${samples} set name = r.name from ${recordset} where ${samples.id} = r.id returning ${samples.id}`,
      ),
    );
    expect(updated.map((row) => row.id).sort()).toEqual([101, 103]);
    const names = await db
      .select({ id: samples.id, name: samples.name })
      .from(samples)
      .orderBy(asc(samples.id));
    expect(names.filter((row) => row.id > 100).map((row) => row.name)).toEqual([
      'renamed',
      '',
      'also renamed',
      'lone \ufffd surrogate',
    ]);
  });

  it('refuses a key that is not a column of the table', () => {
    expect(() => jsonRecordset(samples, ['nope' as 'name'], [{ name: 'x' }])).toThrow(/not a column/);
  });
});
