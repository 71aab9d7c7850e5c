import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The drizzle handle repositories are written against: the base type both PGlite and node-postgres
 * databases (and their transactions) extend, so each repository is written once for both drivers.
 */
export type Database = PgDatabase<PgQueryResultHKT>;
