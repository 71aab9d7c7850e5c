import type { Context } from 'hono';
import type { CatalogQueryInput, CatalogResult } from '../../domain/achievement/search-catalog.js';
import type { EndorsementView } from '../../domain/endorsement/endorsements.js';
import { DELIVERY_MODES } from '../../domain/ports/index.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { Layout } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';

const DELIVERY_LABELS = {
  online: 'catalogue.delivery.online',
  'in-person': 'catalogue.delivery.in-person',
  hybrid: 'catalogue.delivery.hybrid',
} as const satisfies Record<(typeof DELIVERY_MODES)[number], MessageKey>;

/** The query string of this search at another offset (empty fields left out). */
function pageLink(query: Readonly<Record<string, string>>, offset: number): string {
  const params = new URLSearchParams(
    Object.entries({ ...query, offset: String(offset) }).filter(([, value]) => value !== '' && value !== '0'),
  );
  const text = params.toString();
  return text === '' ? '/achievements' : `/achievements?${text}`;
}

/** `/achievements`: the public catalogue, searchable and filterable, one page of results at a time. */
export function CataloguePage(props: {
  readonly c: Context<WebEnv>;
  /** The form's fields as submitted (strings), to keep them filled in. */
  readonly query: Readonly<Record<keyof CatalogQueryInput, string>>;
  readonly result: CatalogResult;
  /** The endorsements in force of the achievements on this page. */
  readonly endorsements: readonly EndorsementView[];
}) {
  const { c, query, result } = props;
  const t = c.get('t');
  const field = (name: keyof CatalogQueryInput) => query[name] ?? '';
  const { limit, offset, total } = result;
  const kept = Object.fromEntries(
    Object.entries(query).filter(([name]) => name !== 'offset' && name !== 'limit'),
  );
  const endorsedBy = field('endorsedBy');
  // The filter's organisation by the name its endorsements give it, when one is on this page.
  const endorser = props.endorsements.find((endorsement) => endorsement.endorser.id === endorsedBy)?.endorser;
  const endorsementsOf = (achievementId: string) =>
    props.endorsements.filter((endorsement) => endorsement.achievementId === achievementId);
  return (
    <Layout c={c} title={t('catalogue.title')} description={t('catalogue.lead')}>
      <h1>{t('catalogue.title')}</h1>
      <p class="lead">{t('catalogue.lead')}</p>
      <form method="get" action="/achievements" class="catalogue-search" aria-label={t('catalogue.search')}>
        <div class="field-row">
          <label for="catalogue-q">{t('catalogue.q')}</label>
          <input id="catalogue-q" name="q" type="search" maxlength={200} value={field('q')} />
        </div>
        <details
          open={['skill', 'level', 'deliveryMode', 'industry', 'issuer', 'minHours', 'maxHours'].some(
            (name) => field(name as keyof CatalogQueryInput) !== '',
          )}
        >
          <summary>{t('catalogue.search')}</summary>
          <div class="field-grid">
            <label for="catalogue-skill">{t('catalogue.skill')}</label>
            <input id="catalogue-skill" name="skill" maxlength={500} value={field('skill')} />
            <label for="catalogue-level">{t('catalogue.level')}</label>
            <input id="catalogue-level" name="level" maxlength={100} value={field('level')} />
            <label for="catalogue-delivery">{t('catalogue.deliveryMode')}</label>
            <select id="catalogue-delivery" name="deliveryMode">
              <option value="">{t('catalogue.any')}</option>
              {DELIVERY_MODES.map((mode) => (
                <option value={mode} selected={field('deliveryMode') === mode}>
                  {t(DELIVERY_LABELS[mode])}
                </option>
              ))}
            </select>
            <label for="catalogue-industry">{t('catalogue.industry')}</label>
            <input id="catalogue-industry" name="industry" maxlength={200} value={field('industry')} />
            <label for="catalogue-issuer">{t('catalogue.issuer')}</label>
            <input id="catalogue-issuer" name="issuer" maxlength={100} value={field('issuer')} />
            <label for="catalogue-min-hours">{t('catalogue.minHours')}</label>
            <input id="catalogue-min-hours" name="minHours" type="number" min={0} value={field('minHours')} />
            <label for="catalogue-max-hours">{t('catalogue.maxHours')}</label>
            <input id="catalogue-max-hours" name="maxHours" type="number" min={0} value={field('maxHours')} />
          </div>
        </details>
        {endorsedBy === '' ? null : <input type="hidden" name="endorsedBy" value={endorsedBy} />}
        <button type="submit">{t('catalogue.submit')}</button>
      </form>
      {endorsedBy === '' ? null : (
        <p class="notice" data-endorsed-by={endorsedBy}>
          {endorser === undefined
            ? t('catalogue.endorsedBy.someone')
            : t('catalogue.endorsedBy.named', { endorser: endorser.name })}{' '}
          <a href={pageLink({ ...kept, endorsedBy: '' }, 0)}>{t('catalogue.endorsedBy.clear')}</a>
        </p>
      )}
      <section aria-labelledby="catalogue-results">
        <h2 id="catalogue-results">{t('catalogue.results')}</h2>
        <p role="status" data-total={total}>
          {total === 0 ? t('catalogue.none') : t('catalogue.count', { count: total })}
        </p>
        <div class="grid">
          {result.entries.map(({ achievement, issuer }) => (
            <article class="card credential-card" data-achievement={achievement.id}>
              <img src={`/achievements/${achievement.id}/image`} alt="" width="64" height="64" />
              <div>
                <h3>
                  <a href={`/achievements/${achievement.id}`}>{achievement.name}</a>
                </h3>
                <p class="muted">
                  <a href={`/issuers/${issuer.slug}`}>{t('catalogue.by', { issuer: issuer.name })}</a>
                  {achievement.level === null ? '' : ` · ${achievement.level}`}
                  {achievement.hours === null
                    ? ''
                    : ` · ${t('catalogue.hours', { hours: achievement.hours })}`}
                  {achievement.deliveryMode === null
                    ? ''
                    : ` · ${t(DELIVERY_LABELS[achievement.deliveryMode])}`}
                </p>
                {achievement.skills.length === 0 ? null : (
                  <ul class="skills">
                    {achievement.skills.map((skill) => (
                      <li>{skill.name}</li>
                    ))}
                  </ul>
                )}
                {endorsementsOf(achievement.id).length === 0 ? null : (
                  <ul class="endorsed-by" data-endorsed>
                    {endorsementsOf(achievement.id).map((endorsement) => (
                      <li>
                        <a href={`/endorsements/${endorsement.id}`}>
                          {t('endorsement.by', { endorser: endorsement.endorser.name })}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </article>
          ))}
        </div>
        {total <= limit ? null : (
          <nav class="pager" aria-label={t('catalogue.results')}>
            {offset === 0 ? null : (
              <a href={pageLink(kept, Math.max(0, offset - limit))} rel="prev">
                {t('catalogue.previous')}
              </a>
            )}
            {offset + limit >= total ? null : (
              <a href={pageLink(kept, offset + limit)} rel="next">
                {t('catalogue.next')}
              </a>
            )}
          </nav>
        )}
      </section>
    </Layout>
  );
}
