import type { Context } from 'hono';
import type { Occupation } from '../../domain/ports/index.js';
import type { RoleGap } from '../../domain/skills/role-gap.js';
import { Layout } from '../shared/layout.js';
import { RecommendationItem } from '../shared/recommendation-item.js';
import type { WebEnv } from '../shared/web-env.js';

export const ESCO_OCCUPATION = 'http://data.europa.eu/esco/occupation/';
const ESCO_SKILL = 'http://data.europa.eu/esco/skill/';
export const MAX_ROLE_QUERY = 200;

/** A role page's address, the shape of `/skills/{id}`: the last segment of the ESCO URI. */
function rolePage(uri: string): string | null {
  return uri.startsWith(ESCO_OCCUPATION) ? `/account/roles/${uri.slice(ESCO_OCCUPATION.length)}` : null;
}

/** A skill's name, linked to its `/skills/{id}` page when it is an ESCO skill. */
function skillName(skill: { readonly id: string; readonly label: string }) {
  return skill.id.startsWith(ESCO_SKILL) ? (
    <a href={`/skills/${skill.id.slice(ESCO_SKILL.length)}`}>{skill.label}</a>
  ) : (
    skill.label
  );
}

/** `/account/roles`: search ESCO occupations to compare the earner's skills with one. */
export function RolesPage(props: {
  readonly c: Context<WebEnv>;
  readonly q: string;
  readonly occupations: readonly Occupation[];
}) {
  const { c, q, occupations } = props;
  const t = c.get('t');
  const listed = occupations.flatMap((occupation) => {
    const href = rolePage(occupation.uri);
    return href === null ? [] : [{ occupation, href }];
  });
  return (
    <Layout c={c} title={t('roles.title')}>
      <h1>{t('roles.title')}</h1>
      <p class="lead">{t('roles.lead')}</p>
      <form method="get" action="/account/roles" class="catalogue-search" aria-label={t('roles.search')}>
        <div class="field-grid">
          <label for="roles-q">{t('roles.q')}</label>
          <input id="roles-q" name="q" type="search" maxlength={MAX_ROLE_QUERY} value={q} required />
        </div>
        <button type="submit">{t('roles.submit')}</button>
      </form>
      {q === '' ? null : (
        <section aria-labelledby="roles-results">
          <h2 id="roles-results">{t('roles.results')}</h2>
          {q.length > MAX_ROLE_QUERY ? (
            <p class="notice">{t('roles.tooLong', { max: MAX_ROLE_QUERY })}</p>
          ) : listed.length === 0 ? (
            <p>{t('roles.noResults', { q })}</p>
          ) : (
            <ul data-occupations>
              {listed.map(({ occupation, href }) => (
                <li>
                  <a href={href}>{occupation.label}</a>
                  {occupation.altLabels.length === 0 ? null : (
                    <span class="muted"> · {occupation.altLabels.slice(0, 3).join(', ')}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <p>
        <a href="/account/skills">{t('skills.title')}</a>
      </p>
    </Layout>
  );
}

/** `/account/roles/{id}`: what the earner has and misses for a role, and what would close the gap. */
export function RolePage(props: { readonly c: Context<WebEnv>; readonly gap: RoleGap }) {
  const { c, gap } = props;
  const t = c.get('t');
  const { occupation } = gap;
  const missingEssential = gap.missing.filter((skill) => skill.relation === 'essential');
  const missingOptional = gap.missing.filter((skill) => skill.relation === 'optional');
  const closing = new Set(gap.closing.achievementIds);
  const chosen = gap.closing.achievementIds.flatMap((id) => {
    const item = gap.recommendations.find((recommendation) => recommendation.achievementId === id);
    return item === undefined ? [] : [item];
  });
  const others = gap.recommendations.filter((item) => !closing.has(item.achievementId));
  const pathwayPage = (item: (typeof gap.pathways)[number]) => `/account/pathways/${item.pathwayId}`;
  return (
    <Layout c={c} title={occupation.label} description={occupation.description ?? occupation.label}>
      <p>
        <a href="/account/roles">{t('role.back')}</a>
      </p>
      <h1>{occupation.label}</h1>
      <p class="lead" data-summary>
        {t('role.summary', {
          occupation: occupation.label,
          have: gap.essential.proven,
          total: gap.essential.total,
        })}
      </p>
      {occupation.description === null ? null : <p>{occupation.description}</p>}
      <section aria-labelledby="role-have">
        <h2 id="role-have">{t('role.have')}</h2>
        {gap.have.length === 0 ? (
          <p>{t('role.haveNone')}</p>
        ) : (
          <ul data-have>
            {gap.have.map((skill) => (
              <li data-skill={skill.id}>
                {skillName(skill)}{' '}
                <span class="muted">
                  ({t(skill.relation === 'essential' ? 'skill.essential' : 'skill.optional')})
                </span>{' '}
                {t('role.provenBy')}{' '}
                {skill.evidence.map((evidence, index) => (
                  <>
                    {index === 0 ? null : ', '}
                    <a
                      href={
                        evidence.kind === 'issued'
                          ? `/credentials/${evidence.id}`
                          : `/imported/${evidence.id}`
                      }
                    >
                      {evidence.achievement}
                    </a>
                  </>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="role-missing-essential">
        <h2 id="role-missing-essential">{t('role.missingEssential')}</h2>
        {missingEssential.length === 0 ? (
          <p>{t('role.allEssential')}</p>
        ) : (
          <ul data-missing="essential">
            {missingEssential.map((skill) => (
              <li data-skill={skill.id}>{skillName(skill)}</li>
            ))}
          </ul>
        )}
      </section>
      {missingOptional.length === 0 ? null : (
        <section aria-labelledby="role-missing-optional">
          <h2 id="role-missing-optional">{t('role.missingOptional')}</h2>
          <ul data-missing="optional">
            {missingOptional.map((skill) => (
              <li data-skill={skill.id}>{skillName(skill)}</li>
            ))}
          </ul>
        </section>
      )}
      {gap.missing.length === 0 ? null : (
        <section aria-labelledby="role-close">
          <h2 id="role-close">{t('role.close')}</h2>
          {gap.recommendations.length === 0 && gap.pathways.length === 0 ? (
            <p>{t('role.noRecommendations')}</p>
          ) : null}
          {chosen.length === 0 ? null : (
            <>
              <p data-closing>
                {chosen.length === 1
                  ? t('role.closingOne', { closes: gap.closing.closes.length })
                  : t('role.closing', { count: chosen.length, closes: gap.closing.closes.length })}
              </p>
              <ul data-recommendations="closing">
                {chosen.map((item) => (
                  <RecommendationItem c={c} item={item} />
                ))}
              </ul>
            </>
          )}
          {others.length === 0 ? null : (
            <>
              <h3>{chosen.length === 0 ? t('role.achievements') : t('role.otherAchievements')}</h3>
              <ul data-recommendations="others">
                {others.map((item) => (
                  <RecommendationItem c={c} item={item} />
                ))}
              </ul>
            </>
          )}
          {gap.pathways.length === 0 ? null : (
            <>
              <h3>{t('role.pathways')}</h3>
              <ul data-pathways>
                {gap.pathways.map((item) => (
                  <li data-pathway={item.pathwayId}>
                    <a href={pathwayPage(item)}>{item.name}</a>{' '}
                    <span class="muted">
                      · {t('role.covers', { count: item.covers.length })} ·{' '}
                      {item.hours === null ? t('role.noHours') : t('catalogue.hours', { hours: item.hours })}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <p class="muted">
        <small>{t('skill.attribution')}</small>
      </p>
    </Layout>
  );
}
