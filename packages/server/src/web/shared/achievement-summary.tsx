import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Achievement, Issuer } from '../../domain/ports/index.js';
import { renderMarkdown } from '../../edge/render-markdown.js';
import { achievementTypeWords, deliveryModeWords } from './achievement-words.js';
import type { WebEnv } from './web-env.js';

/** An achievement's description and criteria narrative, when its document has them as text. */
export function achievementTexts(achievement: Achievement): {
  readonly description: string | null;
  readonly criteria: string | null;
} {
  const document = achievement.document as { description?: unknown; criteria?: { narrative?: unknown } };
  return {
    description: typeof document.description === 'string' ? document.description : null,
    criteria: typeof document.criteria?.narrative === 'string' ? document.criteria.narrative : null,
  };
}

/**
 * What an achievement is, as its public page shows it and as an employer reviews it before endorsing:
 * issuer, type, level, hours and the rest (`earners` when known).
 */
export function AchievementFacts(props: {
  readonly c: Context<WebEnv>;
  readonly achievement: Achievement;
  readonly issuer: Pick<Issuer, 'slug' | 'name'> | null;
  readonly earners?: number;
}) {
  const { c, achievement, issuer } = props;
  const t = c.get('t');
  return (
    <dl class="facts">
      <dt>{t('credential.issuer')}</dt>
      <dd>{issuer === null ? '—' : <a href={`/issuers/${issuer.slug}`}>{issuer.name}</a>}</dd>
      <dt>{t('credential.type')}</dt>
      <dd>{achievementTypeWords(t, achievement.achievementType)}</dd>
      {achievement.level === null ? null : (
        <>
          <dt>{t('achievement.level')}</dt>
          <dd>{achievement.level}</dd>
        </>
      )}
      {achievement.hours === null ? null : (
        <>
          <dt>{t('achievement.hours')}</dt>
          <dd>{achievement.hours}</dd>
        </>
      )}
      {achievement.credits === null ? null : (
        <>
          <dt>{t('achievement.credits')}</dt>
          <dd>{achievement.credits}</dd>
        </>
      )}
      {achievement.deliveryMode === null ? null : (
        <>
          <dt>{t('achievement.delivery')}</dt>
          <dd>{deliveryModeWords(t, achievement.deliveryMode)}</dd>
        </>
      )}
      {achievement.industry === null ? null : (
        <>
          <dt>{t('achievement.industry')}</dt>
          <dd>{achievement.industry}</dd>
        </>
      )}
      {props.earners === undefined ? null : (
        <>
          <dt>{t('achievement.holders')}</dt>
          <dd data-earners={props.earners}>{t('achievement.earners', { count: props.earners })}</dd>
        </>
      )}
    </dl>
  );
}

/** An achievement's criteria (its Markdown, rendered safely) as a section of its own. */
export function AchievementCriteria(props: {
  readonly c: Context<WebEnv>;
  readonly achievement: Achievement;
}) {
  const { criteria } = achievementTexts(props.achievement);
  if (criteria === null) return null;
  return (
    <section aria-labelledby="criteria-heading">
      <h2 id="criteria-heading">{props.c.get('t')('achievement.howToEarn')}</h2>
      <div class="markdown">{raw(renderMarkdown(criteria))}</div>
    </section>
  );
}

/** An achievement's skills as a section of its own (nothing when it names none). */
export function AchievementSkills(props: { readonly c: Context<WebEnv>; readonly achievement: Achievement }) {
  const { achievement } = props;
  if (achievement.skills.length === 0) return null;
  return (
    <section aria-labelledby="skills-heading">
      <h2 id="skills-heading">{props.c.get('t')('credential.skills')}</h2>
      <ul class="skills">
        {achievement.skills.map((skill) => (
          <li>{skill.name}</li>
        ))}
      </ul>
    </section>
  );
}
