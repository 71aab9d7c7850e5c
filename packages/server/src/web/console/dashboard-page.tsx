import type { Context } from 'hono';
import type { Workspace } from '../../domain/auth/staff-access.js';
import type { IssuerDashboard } from '../../domain/credential/issued-credentials.js';
import { ISSUED_STATES } from '../../domain/ports/index.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import type { WebEnv } from '../shared/web-env.js';
import { ConsoleLayout } from './console-layout.js';

const STATE_LABELS = {
  pending: 'console.dashboard.state.pending',
  accepted: 'console.dashboard.state.accepted',
  declined: 'console.dashboard.state.declined',
  revoked: 'console.dashboard.state.revoked',
  suspended: 'console.dashboard.state.suspended',
  expired: 'console.dashboard.state.expired',
} as const satisfies Record<(typeof ISSUED_STATES)[number], MessageKey>;

const JOB_STATE_LABELS = {
  queued: 'console.job.state.queued',
  running: 'console.job.state.running',
  completed: 'console.job.state.completed',
  failed: 'console.job.state.failed',
  cancelled: 'console.job.state.cancelled',
} as const satisfies Record<IssuerDashboard['latestBulkJobs'][number]['state'], MessageKey>;

/** `/console` and `/console/{slug}`: an issuer's counts at a glance and its latest bulk issuances. */
export function DashboardPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly dashboard: IssuerDashboard;
  readonly achievementNames: ReadonlyMap<string, string>;
}) {
  const { c, workspace, dashboard } = props;
  const t = c.get('t');
  const title = t('console.dashboard.title', { name: workspace.name });
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <h1>{title}</h1>
      <div class="grid stats">
        <section class="card" aria-labelledby="stat-achievements">
          <h2 id="stat-achievements">{t('console.dashboard.achievements')}</h2>
          <p class="stat" data-stat="achievements-published">
            {t('console.dashboard.published', { count: dashboard.achievements.published })}
          </p>
          <p class="muted">
            {t('console.dashboard.drafts', { count: dashboard.achievements.draft })} ·{' '}
            {t('console.dashboard.archived', { count: dashboard.achievements.archived })}
          </p>
        </section>
        <section class="card" aria-labelledby="stat-credentials">
          <h2 id="stat-credentials">{t('console.dashboard.credentials')}</h2>
          <dl class="facts">
            <dt>{t('console.dashboard.issuedMonth')}</dt>
            <dd data-stat="issued-month">{dashboard.credentials.issuedSince}</dd>
            <dt>{t('console.dashboard.issuedTotal')}</dt>
            <dd data-stat="issued-total">{dashboard.credentials.total}</dd>
            {ISSUED_STATES.map((state) => (
              <>
                <dt>{t(STATE_LABELS[state])}</dt>
                <dd data-stat={state}>{dashboard.credentials.byState[state]}</dd>
              </>
            ))}
          </dl>
        </section>
      </div>
      <section aria-labelledby="bulk-jobs">
        <h2 id="bulk-jobs">{t('console.dashboard.bulkJobs')}</h2>
        {dashboard.latestBulkJobs.length === 0 ? (
          <p class="muted">{t('console.dashboard.noBulkJobs')}</p>
        ) : (
          <ul class="jobs">
            {dashboard.latestBulkJobs.map((job) => (
              <li data-job={job.id}>
                <strong>{props.achievementNames.get(job.achievementId) ?? job.achievementId}</strong>{' '}
                <span class={`job-state job-${job.state}`}>{t(JOB_STATE_LABELS[job.state])}</span>
                <br />
                <span class="muted">
                  {t('console.dashboard.job', {
                    date: t.date(job.createdAt),
                    done: job.done,
                    total: job.total,
                    failed: job.failed,
                    duplicates: job.duplicates,
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </ConsoleLayout>
  );
}

/** `/console` for someone who works for no issuer. */
export function NoWorkspacePage(props: { readonly c: Context<WebEnv> }) {
  const t = props.c.get('t');
  return (
    <ConsoleLayout c={props.c} workspace={null} title={t('console.noWorkspaceTitle')}>
      <h1>{t('console.noWorkspaceTitle')}</h1>
      <p class="notice">{t('console.noWorkspaceText')}</p>
    </ConsoleLayout>
  );
}
