import type { Context } from 'hono';
import type { CatalogEntry } from '../../domain/achievement/search-catalog.js';
import type { SkillView } from '../../domain/skills/manage-skills.js';
import { Layout } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';

const KIND_LABELS = {
  skill: 'skill.kind.skill',
  knowledge: 'skill.kind.knowledge',
  group: 'skill.kind.group',
} as const;

/** `/skills/{id}`: a framework skill, the achievements on this platform that evidence it, who needs it. */
export function SkillPage(props: {
  readonly c: Context<WebEnv>;
  readonly view: SkillView;
  readonly achievements: readonly CatalogEntry[];
  readonly broaderPage: string | null;
}) {
  const { c, view } = props;
  const t = c.get('t');
  const { skill } = view;
  return (
    <Layout c={c} title={skill.label} description={skill.description ?? skill.label}>
      <h1>{skill.label}</h1>
      <p class="muted">{t(KIND_LABELS[skill.kind])}</p>
      {skill.description === null ? null : <p class="lead">{skill.description}</p>}
      <dl class="facts">
        {skill.altLabels.length === 0 ? null : (
          <>
            <dt>{t('skill.alsoCalled')}</dt>
            <dd>{skill.altLabels.join(', ')}</dd>
          </>
        )}
        {view.broader === null ? null : (
          <>
            <dt>{t('skill.broader')}</dt>
            <dd>
              {props.broaderPage === null ? (
                view.broader.label
              ) : (
                <a href={props.broaderPage}>{view.broader.label}</a>
              )}
            </dd>
          </>
        )}
        <dt>{t('skill.framework')}</dt>
        <dd>
          <a href={skill.uri} rel="nofollow noopener" class="identifier">
            {skill.uri}
          </a>
        </dd>
      </dl>
      <section aria-labelledby="skill-achievements">
        <h2 id="skill-achievements">{t('skill.achievements')}</h2>
        {props.achievements.length === 0 ? (
          <p>{t('skill.noAchievements')}</p>
        ) : (
          <ul data-achievements>
            {props.achievements.map(({ achievement, issuer }) => (
              <li>
                <a href={`/achievements/${achievement.id}`}>{achievement.name}</a>{' '}
                <span class="muted">{t('catalogue.by', { issuer: issuer.name })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {view.occupations.length === 0 ? null : (
        <section aria-labelledby="skill-occupations">
          <h2 id="skill-occupations">{t('skill.occupations')}</h2>
          <ul data-occupations>
            {view.occupations.map((occupation) => (
              <li>
                {occupation.label}{' '}
                <span class="muted">
                  ({t(occupation.relation === 'essential' ? 'skill.essential' : 'skill.optional')})
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="muted">
        <small>{t('skill.attribution')}</small>
      </p>
    </Layout>
  );
}
