import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate --config packages/server/drizzle.config.ts` writes a new migration after a
// schema change; commit the SQL. The same files run on PGlite and PostgreSQL (see src/db/run-migrations.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/server/src/db/schema/index.ts',
  out: './packages/server/src/db/migrations',
  strict: true,
  verbose: true,
});
