import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Workspace } from '../../domain/auth/staff-access.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { Layout } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';
import { consolePath } from './console-context.js';

/**
 * The console's sections, in menu order: each path is under `/console/{slug}`. A section is listed only
 * once its pages exist.
 */
export const CONSOLE_SECTIONS: readonly { readonly path: string; readonly label: MessageKey }[] = [
  { path: '', label: 'console.nav.dashboard' },
  { path: '/achievements', label: 'console.achievements.nav' },
  { path: '/issue', label: 'console.issue.nav' },
  { path: '/bulk', label: 'console.bulk.nav' },
  { path: '/credentials', label: 'console.credentials.nav' },
  { path: '/analytics', label: 'console.analytics.nav' },
  { path: '/pathways', label: 'console.pathways.nav' },
  { path: '/endorsements', label: 'console.endorsements.nav' },
  { path: '/endorsement-requests', label: 'console.endorsementRequests.nav' },
  { path: '/organisation', label: 'console.organisation.nav' },
];

const ROLE_LABELS = {
  owner: 'console.role.owner',
  issuer: 'console.role.issuer',
  viewer: 'console.role.viewer',
} as const satisfies Record<Workspace['role'], MessageKey>;

/** A console page: the site's layout, the issuer switcher and the console's menu around `children`. */
export function ConsoleLayout(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace | null;
  readonly title: string;
  readonly children: Child;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  const staff = c.get('staff');
  const path = c.req.path;
  const others = (staff?.workspaces ?? []).filter((candidate) => candidate.issuerId !== workspace?.issuerId);
  return (
    <Layout c={c} title={props.title}>
      <div class="console">
        <nav class="console-nav" aria-label={t('console.sections')}>
          <p class="console-issuer">
            {workspace === null ? t('console.title') : <strong>{workspace.name}</strong>}
            {workspace === null ? null : (
              <span class="muted">
                {' '}
                {staff?.isAdmin === true
                  ? t('console.admin')
                  : t('console.role', { role: t(ROLE_LABELS[workspace.role]) })}
              </span>
            )}
          </p>
          {workspace === null ? null : (
            <ul>
              {CONSOLE_SECTIONS.map((section) => {
                const href = consolePath(workspace, section.path);
                const current = section.path === '' ? path === href : path.startsWith(href);
                return (
                  <li>
                    <a href={href} aria-current={current ? 'page' : undefined}>
                      {t(section.label)}
                    </a>
                  </li>
                );
              })}
            </ul>
          )}
          {others.length === 0 && staff?.isAdmin !== true ? null : (
            <details class="console-switcher">
              <summary>{t('console.workspaces')}</summary>
              <ul>
                {others.map((other) => (
                  <li>
                    <a href={consolePath(other)}>{t('console.switchTo', { name: other.name })}</a>
                  </li>
                ))}
                {staff?.isAdmin === true ? (
                  <li>
                    <a href="/console/admin/issuers/new">{t('console.nav.newIssuer')}</a>
                  </li>
                ) : null}
                {staff?.isAdmin === true ? (
                  <li>
                    <a href="/console/admin/issuers">{t('console.trust.issuersNav')}</a>
                  </li>
                ) : null}
              </ul>
            </details>
          )}
        </nav>
        <div class="console-main">{props.children}</div>
      </div>
    </Layout>
  );
}
