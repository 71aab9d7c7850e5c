import type { Hono } from 'hono';
import { correctableMessage } from '../shared/user-message.js';
import { formField, readForm } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { employerWorkspace } from './employer-context.js';
import {
  DescribeRolePage,
  ESCO_OCCUPATION,
  MAX_OCCUPATION_QUERY,
  MAX_SKILL_QUERY,
  ReviewRolePage,
  type ReviewSkill,
} from './role-pages.js';
import { readRoleQuery } from './role-query.js';

// The matcher ranks up to 30 skills: the best ones start included, the rest are offered unticked.
const INCLUDED_MATCHES = 10;
// Skills offered for one lookup on the review step.
const ADDED_MATCHES = 10;

/**
 * `/employer/{slug}`: a role described by a job description (matched to framework skills) or by an ESCO
 * occupation (its essential and optional skills), then reviewed (and added to, at `/review`) before the
 * talent search.
 */
export function mountRoleRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/employer/:slug', async (c) => {
    const { workspace } = employerWorkspace(c);
    const q = (c.req.query('q') ?? '').trim();
    const occupations =
      q === '' || q.length > MAX_OCCUPATION_QUERY ? [] : await platform.skills.searchOccupations({ q });
    return c.html(<DescribeRolePage c={c} workspace={workspace} q={q} occupations={occupations} />);
  });

  web.post('/employer/:slug/role', async (c) => {
    const { actor, workspace } = employerWorkspace(c);
    const text = formField(await readForm(c), 'text');
    const t = c.get('t');
    const refuse = (error: string) =>
      c.html(
        <DescribeRolePage c={c} workspace={workspace} text={text} q="" occupations={[]} error={error} />,
        400,
      );
    if (text.trim() === '') return refuse(t('employer.describe.empty'));
    let matches: Awaited<ReturnType<typeof platform.skills.matchRole>>;
    try {
      matches = await platform.skills.matchRole(actor, { text });
    } catch (error) {
      const message = correctableMessage(error, t);
      if (message === null) throw error;
      return refuse(message);
    }
    if (matches.length === 0) return refuse(t('employer.describe.noSkills'));
    const skills: ReviewSkill[] = matches.map((match, index) => ({
      id: match.uri,
      label: match.label,
      include: index < INCLUDED_MATCHES,
      essential: true,
      required: false,
    }));
    return c.html(
      <ReviewRolePage
        c={c}
        workspace={workspace}
        lead={t('employer.review.fromText', { count: skills.length })}
        skills={skills}
      />,
    );
  });

  web.get('/employer/:slug/occupations/:id', async (c) => {
    const { workspace } = employerWorkspace(c);
    const { occupation, skills } = await platform.skills.occupationSkills(
      `${ESCO_OCCUPATION}${c.req.param('id')}`,
    );
    const review: ReviewSkill[] = skills.map((skill) => ({
      id: skill.uri,
      label: skill.label,
      include: skill.relation === 'essential',
      essential: skill.relation === 'essential',
      required: false,
    }));
    return c.html(
      <ReviewRolePage
        c={c}
        workspace={workspace}
        lead={c.get('t')('employer.review.fromOccupation', {
          occupation: occupation.label,
          count: review.length,
        })}
        skills={review}
        occupationUri={occupation.uri}
      />,
    );
  });

  web.get('/employer/:slug/review', async (c) => {
    const { workspace } = employerWorkspace(c);
    const t = c.get('t');
    const role = readRoleQuery(c.req.queries());
    const add = (c.req.query('add') ?? '').trim();
    const essential = new Set(role.essential);
    const required = new Set(role.required);
    const weights = new Map(role.weights);
    const skills: ReviewSkill[] = (await platform.skills.findMany(role.skills)).map((skill) => {
      const weight = weights.get(skill.uri);
      return {
        id: skill.uri,
        label: skill.label,
        include: true,
        essential: essential.has(skill.uri),
        required: required.has(skill.uri),
        ...(weight === undefined ? {} : { weight }),
      };
    });
    const present = new Set(skills.map((skill) => skill.id));
    const found =
      add === '' || add.length > MAX_SKILL_QUERY
        ? []
        : (await platform.skills.search({ q: add, limit: ADDED_MATCHES })).filter(
            (skill) => skill.kind !== 'group' && !present.has(skill.uri),
          );
    for (const skill of found) {
      skills.push({ id: skill.uri, label: skill.label, include: false, essential: true, required: false });
    }
    return c.html(
      <ReviewRolePage
        c={c}
        workspace={workspace}
        lead={t('employer.review.edit')}
        skills={skills}
        filters={{ issuer: role.issuer, since: role.since, location: role.location }}
        occupationUri={role.occupation}
        add={add}
        message={
          add === ''
            ? undefined
            : found.length === 0
              ? t('employer.review.addNone', { q: add })
              : t('employer.review.addFound', { q: add, count: found.length })
        }
      />,
    );
  });
}
