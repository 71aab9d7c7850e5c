import type { Hono } from 'hono';
import { csvHeader, csvRow } from '../../presenters/csv.js';
import { requireEarner } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { SkillsPage } from './skills-page.js';

const CSV_COLUMNS = [
  'skill',
  'framework url',
  'achievement',
  'issuer',
  'issued',
  'level',
  'issuer verified',
  'credential',
];

/** `/account/skills` and its exports: the skills the signed-in earner can prove. */
export function mountSkillsRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/account/skills', async (c) => {
    const earner = requireEarner(c);
    return c.html(<SkillsPage c={c} skills={await platform.earners.skills(earner.id)} />);
  });
  web.get('/account/skills.json', async (c) => {
    const earner = requireEarner(c);
    const skills = await platform.earners.skills(earner.id);
    c.header('Content-Disposition', 'attachment; filename="skills.json"');
    return c.json({
      skills: skills.map((skill) => ({
        name: skill.name,
        url: skill.url,
        framework: skill.framework,
        evidence: skill.evidence.map((evidence) => ({
          ...evidence,
          issuedAt: evidence.issuedAt.toISOString(),
        })),
      })),
    });
  });
  web.get('/account/skills.csv', async (c) => {
    const earner = requireEarner(c);
    const skills = await platform.earners.skills(earner.id);
    const origin = new URL(c.req.url).origin;
    const rows = skills.flatMap((skill) =>
      skill.evidence.map((evidence) =>
        csvRow([
          skill.name,
          skill.url,
          evidence.achievement,
          evidence.issuer,
          evidence.issuedAt,
          evidence.level,
          evidence.issuerVetted ? 'yes' : 'no',
          `${origin}${evidence.kind === 'issued' ? '/credentials/' : '/imported/'}${evidence.id}`,
        ]),
      ),
    );
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="skills.csv"');
    return c.body(csvHeader(CSV_COLUMNS) + rows.join(''));
  });
}
