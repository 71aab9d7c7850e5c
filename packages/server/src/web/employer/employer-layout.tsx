import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { EmployerWorkspace } from '../../domain/employer/employer-access.js';
import type { EmployerRole } from '../../domain/ports/index.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { Layout } from '../shared/layout.js';
import { Notes } from '../shared/notes.js';
import type { WebEnv } from '../shared/web-env.js';
import { employerPath } from './employer-context.js';

export const EMPLOYER_ROLE_LABELS = {
  owner: 'employer.role.owner',
  recruiter: 'employer.role.recruiter',
  viewer: 'employer.role.viewer',
} as const satisfies Record<EmployerRole, MessageKey>;

/** The workspace's sections, in menu order, under `/employer/{slug}`; `ownerOnly` ones are not offered to others. */
const EMPLOYER_SECTIONS: readonly {
  readonly path: string;
  readonly label: MessageKey;
  readonly ownerOnly: boolean;
}[] = [
  { path: '', label: 'employer.nav.talent', ownerOnly: false },
  { path: '/roles', label: 'employer.nav.roles', ownerOnly: false },
  { path: '/workforce', label: 'employer.nav.workforce', ownerOnly: false },
  { path: '/endorsements', label: 'employer.nav.endorsements', ownerOnly: false },
  { path: '/endorsement-requests', label: 'employer.nav.endorsementRequests', ownerOnly: false },
  { path: '/members', label: 'employer.nav.members', ownerOnly: false },
  { path: '/api-keys', label: 'employer.nav.apiKeys', ownerOnly: true },
];

/** Whether `path` is in the section at `base` + `section`: the talent section holds every page but the settings ones. */
function inSection(path: string, base: string, section: string): boolean {
  if (section !== '') return path.startsWith(`${base}${section}`);
  return !EMPLOYER_SECTIONS.some((other) => other.path !== '' && path.startsWith(`${base}${other.path}`));
}

/**
 * A workspace page: the site's layout, the employer switcher and the workspace's menu around `children`
 * (the console's shape, so both read alike), then its one heading and the notes of the last action.
 */
export function EmployerLayout(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly title: string;
  readonly message?: string | undefined;
  readonly error?: string | undefined;
  /** What comes before the heading (a link back). */
  readonly before?: Child;
  readonly children: Child;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  const access = c.get('employer');
  const path = c.req.path;
  const others = (access?.workspaces ?? []).filter((other) => other.employerId !== workspace.employerId);
  return (
    <Layout c={c} title={props.title}>
      <div class="console employer">
        <nav class="console-nav" aria-label={t('employer.sections')}>
          <p class="console-issuer">
            <strong>{workspace.name}</strong>{' '}
            <span class="muted">
              {access?.isAdmin === true
                ? t('employer.admin')
                : t('employer.roleIs', { role: t(EMPLOYER_ROLE_LABELS[workspace.role]) })}
            </span>
          </p>
          <ul>
            {EMPLOYER_SECTIONS.filter((section) => !section.ownerOnly || workspace.role === 'owner').map(
              (section) => {
                const href = employerPath(workspace, section.path);
                return (
                  <li>
                    <a
                      href={href}
                      aria-current={
                        inSection(path, employerPath(workspace), section.path) ? 'page' : undefined
                      }
                    >
                      {t(section.label)}
                    </a>
                  </li>
                );
              },
            )}
          </ul>
          {others.length === 0 ? null : (
            <details class="console-switcher">
              <summary>{t('employer.workspaces')}</summary>
              <ul>
                {others.map((other) => (
                  <li>
                    <a href={employerPath(other)}>{t('employer.switchTo', { name: other.name })}</a>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </nav>
        <div class="console-main">
          {props.before}
          <h1>{props.title}</h1>
          <Notes message={props.message} error={props.error} />
          {props.children}
        </div>
      </div>
    </Layout>
  );
}
