import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGLITE_TEMPLATE_ENV, writePgliteTemplate } from '../src/db/pglite-template.js';

/**
 * Once per run, before any worker starts: a migrated PGlite data directory every test database starts
 * from (workers inherit the environment variable naming it).
 */
export default async function setup(): Promise<() => Promise<void>> {
  const folder = await mkdtemp(join(tmpdir(), 'microcred-pglite-template-'));
  const path = join(folder, 'migrated.tar');
  await writePgliteTemplate(path);
  process.env[PGLITE_TEMPLATE_ENV] = path;
  return () => rm(folder, { recursive: true, force: true });
}
