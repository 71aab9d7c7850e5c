import type { Actor } from '../../domain/auth/actor.js';
import type { NodeProgress } from '../../domain/pathway/engine/evaluate-pathway.js';
import type { Platform } from '../../domain/platform.js';
import { presentProgress } from '../../presenters/present-progress.js';
import { UsageError } from '../cli-io.js';
import { withPlatform } from '../with-platform.js';

// Whoever can open the database directly can do anything with it: the CLI acts as the administrator.
const LOCAL_ADMIN: Actor = { kind: 'admin' };

type Io = { stdout: (text: string) => void; stderr: (text: string) => void };

async function nameOf(platform: Platform, cache: Map<string, string>, id: string): Promise<string> {
  const known = cache.get(id);
  if (known !== undefined) return known;
  const name = await platform.achievements.get(LOCAL_ADMIN, id).then(
    (achievement) => achievement.name,
    () => id,
  );
  cache.set(id, name);
  return name;
}

function describeRule(node: NodeProgress): string {
  switch (node.type) {
    case 'all-of':
      return `all ${node.threshold} of`;
    case 'n-of':
      return `${node.threshold} of ${node.children.length}`;
    case 'credits-at-least':
      return `at least ${node.threshold} credits`;
    case 'hours-at-least':
      return `at least ${node.threshold} hours`;
    default:
      return 'sub-pathway';
  }
}

/**
 * `microcred pathway progress --pathway ID --earner EMAIL|DID`: an earner's progress on a pathway, read
 * from the configured database (like `bulk-issue`: stop the embedded server first, or use DATABASE_URL).
 * Prints a tree of the requirements, or the API's JSON with `--json`.
 */
export async function pathwayProgress(
  options: { readonly pathway?: string; readonly earner?: string; readonly json?: boolean },
  io: Io,
): Promise<number> {
  const { pathway, earner } = options;
  if (pathway === undefined || earner === undefined) {
    throw new UsageError('pathway progress needs --pathway ID and --earner EMAIL (or DID)');
  }
  return withPlatform(async (platform) => {
    const result = await platform.pathways.progress(LOCAL_ADMIN, pathway, { recipient: earner });
    if (options.json === true) {
      io.stdout(`${JSON.stringify(presentProgress(result))}\n`);
      return 0;
    }
    const names = new Map<string, string>();
    const { progress } = result;
    const state = progress.met ? 'complete' : `${progress.percent}%`;
    io.stdout(`${result.pathway.pathway.name} (version ${result.version}): ${state}\n`);
    const print = async (node: NodeProgress, depth: number): Promise<void> => {
      const mark = node.met ? '[x]' : node.percent > 0 ? '[~]' : '[ ]';
      const label =
        node.achievementId !== null
          ? await nameOf(platform, names, node.achievementId)
          : `${node.name === null ? '' : `${node.name}: `}${describeRule(node)}`;
      const blocked = node.blocked ? ' (waiting for an earlier requirement)' : '';
      let line = `${'  '.repeat(depth)}${mark} ${label}${node.met ? '' : ` ${node.percent}%`}${blocked}`;
      if (!node.met && node.achievementId === null && node.completingAchievementIds.length > 0) {
        const next = await Promise.all(
          node.completingAchievementIds.map((id) => nameOf(platform, names, id)),
        );
        line += ` (next: any of ${next.join(', ')})`;
      }
      io.stdout(`${line}\n`);
      for (const child of node.children) {
        // A sub-pathway node wraps its pathway's own root; show that root's children directly.
        if (node.type === 'pathway') for (const inner of child.children) await print(inner, depth + 1);
        else await print(child, depth + 1);
      }
    };
    await print(progress.root, 1);
    for (const award of result.awards) {
      const name = await nameOf(platform, names, award.achievementId);
      io.stdout(`awarded: ${name}, credential ${award.credentialId} (${award.state})\n`);
    }
    return 0;
  });
}
