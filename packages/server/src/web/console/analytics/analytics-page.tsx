import type { Context } from 'hono';
import type { IssuerAnalytics } from '../../../domain/analytics/issuer-analytics.js';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import type { Achievement } from '../../../domain/ports/index.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import type { Translator } from '../../../i18n/translate.js';
import type { WebEnv } from '../../shared/web-env.js';
import { consolePath } from '../console-context.js';
import { ConsoleLayout } from '../console-layout.js';
import { BarChart, LineChart, SERIES_KEYS } from './analytics-charts.js';

/** The period picker's values as typed (YYYY-MM-DD), kept in the form and the CSV link. */
export interface AnalyticsFilter {
  readonly from: string;
  readonly to: string;
  readonly achievementId: string;
}

const FIGURES = [
  'issued',
  'claimed',
  'views',
  'shares',
  'linkedinAdds',
  'downloads',
  'verifications',
  'revocations',
] as const satisfies readonly (keyof IssuerAnalytics & `${string}`)[];

const FIGURE_LABELS = {
  issued: 'console.analytics.issued',
  claimed: 'console.analytics.claimed',
  views: 'console.analytics.views',
  shares: 'console.analytics.shares',
  linkedinAdds: 'console.analytics.linkedinAdds',
  downloads: 'console.analytics.downloads',
  verifications: 'console.analytics.verifications',
  revocations: 'console.analytics.revocations',
} as const satisfies Record<(typeof FIGURES)[number], MessageKey>;

const STAGES = ['issued', 'claimed', 'shared', 'verified'] as const;
const STAGE_LABELS = {
  issued: 'console.analytics.funnel.issued',
  claimed: 'console.analytics.funnel.claimed',
  shared: 'console.analytics.funnel.shared',
  verified: 'console.analytics.funnel.verified',
} as const satisfies Record<(typeof STAGES)[number], MessageKey>;

function percent(t: Translator, value: number | null): string {
  if (value === null) return t('console.analytics.none');
  return new Intl.NumberFormat(t.locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

function duration(t: Translator, seconds: number | null): string {
  if (seconds === null) return t('console.analytics.none');
  const number = (value: number) =>
    new Intl.NumberFormat(t.locale, { maximumFractionDigits: 1 }).format(value);
  if (seconds < 3_600) return t('console.analytics.minutes', { count: number(seconds / 60) });
  if (seconds < 172_800) return t('console.analytics.hours', { count: number(seconds / 3_600) });
  return t('console.analytics.days', { count: number(seconds / 86_400) });
}

function bucketLabel(t: Translator, start: Date, bucket: IssuerAnalytics['bucket']): string {
  if (bucket !== 'month') return t.date(start);
  return new Intl.DateTimeFormat(t.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(start);
}

function periodLabel(t: Translator, analytics: IssuerAnalytics): string {
  const from = analytics.from === null ? null : t.date(analytics.from);
  // `to` is exclusive; the reader picked the day before it.
  const to = analytics.to === null ? null : t.date(new Date(analytics.to.getTime() - 1));
  if (from !== null && to !== null) return t('console.analytics.periodRange', { from, to });
  if (from !== null) return t('console.analytics.periodSince', { from });
  if (to !== null) return t('console.analytics.periodUntil', { to });
  return t('console.analytics.periodAll');
}

function Breakdown(props: {
  readonly t: Translator;
  readonly label: MessageKey;
  readonly counts: Readonly<Record<string, number>>;
}) {
  const entries = Object.entries(props.counts).sort(([, a], [, b]) => b - a);
  return (
    <section class="card" aria-labelledby={`breakdown-${props.label}`}>
      <h3 id={`breakdown-${props.label}`}>{props.t(props.label)}</h3>
      {entries.length === 0 ? (
        <p class="muted">{props.t('console.analytics.nothing')}</p>
      ) : (
        <dl class="facts">
          {entries.map(([name, count]) => (
            <>
              <dt>{name}</dt>
              <dd>{count}</dd>
            </>
          ))}
        </dl>
      )}
    </section>
  );
}

/** `/console/{slug}/analytics`: figures, funnel, time series and top achievements over a chosen period. */
export function AnalyticsPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly analytics: IssuerAnalytics;
  readonly achievements: readonly Pick<Achievement, 'id' | 'name'>[];
  readonly filter: AnalyticsFilter;
}) {
  const { c, workspace, analytics, filter } = props;
  const t = c.get('t');
  const title = t('console.analytics.title');
  const query = new URLSearchParams(
    Object.entries({ from: filter.from, to: filter.to, achievement: filter.achievementId }).filter(
      ([, value]) => value !== '',
    ),
  ).toString();
  const csvHref = `${consolePath(workspace, '/analytics.csv')}${query === '' ? '' : `?${query}`}`;
  const funnel = analytics.funnel;
  const labelled = analytics.series.map((point) => ({
    ...point,
    label: bucketLabel(t, point.start, analytics.bucket),
  }));
  const firstPoint = labelled[0];
  const lastPoint = labelled.at(-1);
  const legend = {
    issued: t('console.analytics.issued'),
    claimed: t('console.analytics.claimed'),
    views: t('console.analytics.views'),
    verifications: t('console.analytics.verifications'),
  };
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <h1>{title}</h1>
      <p class="muted">{t('console.analytics.intro')}</p>
      <form method="get" action={consolePath(workspace, '/analytics')} class="analytics-filter">
        <fieldset>
          <legend>{t('console.analytics.period')}</legend>
          <label for="analytics-from">{t('console.analytics.from')}</label>
          <input id="analytics-from" type="date" name="from" value={filter.from} />
          <label for="analytics-to">{t('console.analytics.to')}</label>
          <input id="analytics-to" type="date" name="to" value={filter.to} />
          <label for="analytics-achievement">{t('console.analytics.achievement')}</label>
          <select id="analytics-achievement" name="achievement">
            <option value="">{t('console.analytics.allAchievements')}</option>
            {props.achievements.map((achievement) => (
              <option value={achievement.id} selected={achievement.id === filter.achievementId}>
                {achievement.name}
              </option>
            ))}
          </select>
          <button type="submit">{t('console.analytics.apply')}</button>
        </fieldset>
      </form>
      <p>
        <strong data-period>{periodLabel(t, analytics)}</strong> ·{' '}
        <a href={csvHref} download>
          {t('console.analytics.csv')}
        </a>
      </p>

      <section aria-labelledby="analytics-figures">
        <h2 id="analytics-figures">{t('console.analytics.figures')}</h2>
        <dl class="facts analytics-figures">
          {FIGURES.map((key) => (
            <>
              <dt>{t(FIGURE_LABELS[key])}</dt>
              <dd data-stat={key}>{analytics[key]}</dd>
            </>
          ))}
          <dt>{t('console.analytics.uniqueRecipients')}</dt>
          <dd data-stat="uniqueRecipients">{analytics.uniqueRecipients}</dd>
          <dt>{t('console.analytics.claimRate')}</dt>
          <dd data-stat="claimRate">
            {percent(t, analytics.claimRate)}{' '}
            <span class="muted">({t('console.analytics.claimRateHint')})</span>
          </dd>
          <dt>{t('console.analytics.timeToClaim')}</dt>
          <dd data-stat="timeToClaim">{duration(t, analytics.medianSecondsToClaim)}</dd>
        </dl>
        <div class="grid">
          <Breakdown t={t} label="console.analytics.byChannel" counts={analytics.sharesByChannel} />
          <Breakdown t={t} label="console.analytics.byFormat" counts={analytics.downloadsByFormat} />
        </div>
      </section>

      <section aria-labelledby="analytics-funnel">
        <h2 id="analytics-funnel">{t('console.analytics.funnel')}</h2>
        <BarChart
          id="funnel-chart"
          title={t('console.analytics.funnel')}
          description={t('console.analytics.funnelDesc', { ...funnel })}
          bars={STAGES.map((stage) => ({ label: t(STAGE_LABELS[stage]), value: funnel[stage] }))}
        />
        <section class="table-scroll" tabindex={0} aria-label={t('console.analytics.funnelTable')}>
          <table class="data stack" data-table="funnel">
            <caption>{t('console.analytics.funnelTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.analytics.stage')}</th>
                <th scope="col">{t('console.analytics.credentials')}</th>
                <th scope="col">{t('console.analytics.share')}</th>
              </tr>
            </thead>
            <tbody>
              {STAGES.map((stage) => (
                <tr>
                  <th scope="row">{t(STAGE_LABELS[stage])}</th>
                  <td data-label={t('console.analytics.credentials')} data-funnel={stage}>
                    {funnel[stage]}
                  </td>
                  <td data-label={t('console.analytics.share')}>
                    {percent(t, funnel.issued === 0 ? null : funnel[stage] / funnel.issued)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>

      <section aria-labelledby="analytics-series">
        <h2 id="analytics-series">{t('console.analytics.series')}</h2>
        {firstPoint === undefined || lastPoint === undefined ? (
          <p class="muted">{t('console.analytics.seriesEmpty')}</p>
        ) : (
          <>
            <LineChart
              id="series-chart"
              title={t('console.analytics.series')}
              description={t(`console.analytics.seriesDesc.${analytics.bucket}`, {
                from: firstPoint.label,
                to: lastPoint.label,
              })}
              points={labelled}
              legend={legend}
            />
            <section class="table-scroll" tabindex={0} aria-label={t('console.analytics.seriesTable')}>
              <table class="data stack" data-table="series">
                <caption>{t('console.analytics.seriesTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(`console.analytics.bucket.${analytics.bucket}`)}</th>
                    {SERIES_KEYS.map((key) => (
                      <th scope="col">{legend[key]}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {labelled.map((point) => (
                    <tr data-bucket={point.start.toISOString().slice(0, 10)}>
                      <th scope="row">{point.label}</th>
                      {SERIES_KEYS.map((key) => (
                        <td data-label={legend[key]} data-series={key}>
                          {point[key]}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </>
        )}
      </section>

      <section aria-labelledby="analytics-top">
        <h2 id="analytics-top">{t('console.analytics.top')}</h2>
        {analytics.topAchievements.length === 0 ? (
          <p class="muted">{t('console.analytics.topEmpty')}</p>
        ) : (
          <section class="table-scroll" tabindex={0} aria-labelledby="analytics-top">
            <table class="data stack" data-table="top">
              <thead>
                <tr>
                  <th scope="col">{t('console.analytics.achievement')}</th>
                  {FIGURES.map((key) => (
                    <th scope="col">{t(FIGURE_LABELS[key])}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {analytics.topAchievements.map((top) => (
                  <tr data-achievement={top.achievementId}>
                    <th scope="row">{top.name}</th>
                    {FIGURES.map((key) => (
                      <td data-label={t(FIGURE_LABELS[key])}>{top[key]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>
    </ConsoleLayout>
  );
}
