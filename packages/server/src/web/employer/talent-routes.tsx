import type { Hono } from 'hono';
import { resourceNotFound } from '../../domain/auth/resource-not-found.js';
import { closingSet } from '../../domain/skills/skill-gap.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { employerPath, employerWorkspace } from './employer-context.js';
import { readRoleQuery } from './role-query.js';
import { CandidatePage, PAGE_SIZE, TalentPage } from './talent-pages.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `/employer/{slug}/talent?…` (the candidates for a role, its address shareable) and
 * `/employer/{slug}/candidates/{earnerId}?…` (one of them against the role, and what closes the gap).
 * Both go through the talent use cases with the member's actor: consent and isolation are theirs.
 */
export function mountTalentRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/employer/:slug/talent', async (c) => {
    const { actor, workspace } = employerWorkspace(c);
    const role = readRoleQuery(c.req.queries());
    // Nothing asked (every skill unticked): back to describing the role.
    if (role.skills.length === 0) return c.redirect(employerPath(workspace), 303);
    const essential = new Set(role.essential);
    const weights = new Map(role.weights);
    const result = await platform.talent.search(actor, {
      skills: role.skills.map((id) => {
        const weight = weights.get(id);
        return { id, essential: essential.has(id), ...(weight === undefined ? {} : { weight }) };
      }),
      ...(role.required.length === 0 ? {} : { required: [...role.required] }),
      ...(role.issuer === '' ? {} : { issuer: role.issuer }),
      ...(role.since === '' ? {} : { since: role.since }),
      ...(role.location === '' ? {} : { location: role.location }),
      limit: PAGE_SIZE,
      offset: (role.page - 1) * PAGE_SIZE,
    });
    return c.html(<TalentPage c={c} workspace={workspace} role={role} result={result} />);
  });

  web.get('/employer/:slug/candidates/:earnerId', async (c) => {
    const { actor, workspace } = employerWorkspace(c);
    const role = readRoleQuery(c.req.queries());
    if (role.skills.length === 0) return c.redirect(employerPath(workspace), 303);
    const earnerId = c.req.param('earnerId');
    // Earner ids are UUIDs: anything else is no one (and never reaches a uuid column).
    if (!UUID.test(earnerId)) throw resourceNotFound('candidate');
    const view = await platform.talent.candidate(actor, earnerId, { skills: [...role.skills] });
    const essential = new Set(role.essential);
    const missingEssential = view.gap.missing.filter((skill) => essential.has(skill.id));
    // The essential skills first: when none is missing, the fewest that close the most of the others.
    const closing = closingSet(
      (missingEssential.length > 0 ? missingEssential : view.gap.missing).map((skill) => skill.id),
      view.gap.recommendations,
    );
    return c.html(<CandidatePage c={c} workspace={workspace} role={role} view={view} closing={closing} />);
  });
}
