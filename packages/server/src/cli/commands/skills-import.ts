import { performance } from 'node:perf_hooks';
import { DEFAULT_ESCO_FOLDER, hasEscoFiles, readEscoFiles } from '../../resources/read-esco-files.js';
import { UsageError } from '../cli-io.js';
import { withPlatform } from '../with-platform.js';

type Io = { stdout: (text: string) => void; stderr: (text: string) => void };

/**
 * `microcred skills import [--from DIR]`: loads ESCO's files into the configured database (again: the
 * import replaces what the files no longer have and is otherwise idempotent), and says what it counted.
 */
export async function skillsImport(options: { readonly from?: string }, io: Io): Promise<number> {
  const folder = options.from ?? DEFAULT_ESCO_FOLDER;
  if (!hasEscoFiles(folder)) {
    throw new UsageError(
      `${folder} does not hold ESCO's skills.csv, skill_groups.csv, occupations.csv and occupation_skills.csv`,
    );
  }
  const files = await readEscoFiles(folder);
  return withPlatform(async (platform) => {
    const started = performance.now();
    const framework = await platform.skills.importEsco({ kind: 'admin' }, files);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const aligned = await platform.skills.alignFreeText({ kind: 'admin' });
    io.stdout(
      `imported ${framework.name} ${framework.version}: ${framework.skills} skills, ${framework.occupations} occupations, ` +
        `${framework.relations} occupation–skill relations in ${seconds} s\n` +
        `aligned ${aligned.skills} free-text skills of ${aligned.achievements} achievements to ESCO` +
        (aligned.ambiguous.length === 0
          ? ''
          : ` (ambiguous, left as text: ${aligned.ambiguous.join(', ')})`) +
        `\n${framework.attribution}\n`,
    );
    return 0;
  });
}
