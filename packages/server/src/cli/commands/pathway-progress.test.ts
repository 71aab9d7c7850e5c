import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';
import { DEMO_PATHWAY_NAME, seedDemoData } from '../../domain/demo/seed-demo-data.js';
import { withPlatform } from '../with-platform.js';

const dir = mkdtempSync(join(tmpdir(), 'microcred-pathway-cli-'));
const environment = { DATA_DIR: join(dir, 'data'), NODE_ENV: 'test', LOG_LEVEL: 'silent' };
const EMAIL = 'cli.learner@example.org';

describe('microcred pathway on the embedded database', () => {
  let pathwayId = '';
  let names: string[] = [];
  beforeAll(async () => {
    Object.assign(process.env, environment);
    const admin = { kind: 'admin' } as const;
    await withPlatform(
      async (platform) => {
        await seedDemoData(platform);
        const [found] = await platform.pathways.list(admin, {});
        pathwayId = found?.pathway.id ?? '';
        const required = found?.version.requiredAchievementIds ?? [];
        for (const achievementId of required.slice(0, 2)) {
          await platform.credentials.issue(admin, { achievementId, recipient: { email: EMAIL } });
        }
        names = await Promise.all(
          required.map(async (id) => (await platform.achievements.get(admin, id)).name),
        );
      },
      { logLevel: 'silent' },
    );
  });

  it('prints the requirement tree: what is held, what is missing, and what would complete it', async () => {
    const result = await runCli('pathway', 'progress', '--pathway', pathwayId, '--earner', EMAIL);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const lines = result.out.trim().split('\n');
    expect(lines[0]).toBe(`${DEMO_PATHWAY_NAME} (version 1): 66%`);
    expect(lines[1]).toBe(`  [~] 3 of 4 66% (next: any of ${names[2]}, ${names[3]})`);
    expect(lines.slice(2)).toEqual([
      `    [x] ${names[0]}`,
      `    [x] ${names[1]}`,
      `    [ ] ${names[2]} 0%`,
      `    [ ] ${names[3]} 0%`,
    ]);
  });

  it('prints the API representation with --json, lists pathways, and exits 2 without an earner', async () => {
    const json = await runCli('pathway', 'progress', '--pathway', pathwayId, '--earner', EMAIL, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ pathwayId, met: false, percent: 66, version: 1 });
    const list = await runCli('pathway', 'list');
    expect(list.out).toBe(`${pathwayId}  ${DEMO_PATHWAY_NAME} (published, version 1)\n`);
    const usage = await runCli('pathway', 'progress', '--pathway', pathwayId);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/--earner/);
  });
});
