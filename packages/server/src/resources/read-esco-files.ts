import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EscoFiles } from '../domain/skills/parse-esco-framework.js';

/**
 * Where ESCO's files are when nobody says: `shared/data/skills` beside the checkout (this file sits four
 * folders below the checkout, in src/ and in dist/ alike).
 */
export const DEFAULT_ESCO_FOLDER = fileURLToPath(
  new URL('../../../../../shared/data/skills/', import.meta.url),
);

const FILES = {
  skills: 'skills.csv',
  skillGroups: 'skill_groups.csv',
  occupations: 'occupations.csv',
  occupationSkills: 'occupation_skills.csv',
} as const satisfies Record<keyof EscoFiles, string>;

/** Whether `folder` holds ESCO's files (the first start imports them only then). */
export function hasEscoFiles(folder: string): boolean {
  return Object.values(FILES).every((file) => existsSync(join(folder, file)));
}

/** The four CSV files of ESCO's compact subset, as text. */
export async function readEscoFiles(folder: string): Promise<EscoFiles> {
  const entries = await Promise.all(
    Object.entries(FILES).map(
      async ([key, file]) => [key, await readFile(join(folder, file), 'utf8')] as const,
    ),
  );
  return Object.fromEntries(entries) as unknown as EscoFiles;
}
