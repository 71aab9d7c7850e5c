import type { Context } from 'hono';
import type { Recommendation } from '../../domain/skills/skill-gap.js';
import type { WebEnv } from './web-env.js';

/** A micro-credential that would close part of a skill gap: its page, how many missing skills, its effort. */
export function RecommendationItem(props: { readonly c: Context<WebEnv>; readonly item: Recommendation }) {
  const t = props.c.get('t');
  const { item } = props;
  return (
    <li data-achievement={item.achievementId}>
      <a href={`/achievements/${item.achievementId}`}>{item.name}</a>{' '}
      <span class="muted">
        · {t('role.covers', { count: item.covers.length })} ·{' '}
        {item.hours === null ? t('role.noHours') : t('catalogue.hours', { hours: item.hours })}
      </span>
    </li>
  );
}
