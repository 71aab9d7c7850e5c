import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import { doneNote } from '../../shared/done-note.js';
import { Notes } from '../../shared/notes.js';
import type { WebEnv } from '../../shared/web-env.js';
import { consolePath } from '../console-context.js';
import { ConsoleLayout } from '../console-layout.js';

/** The settings pages, in menu order; `ownerOnly` pages are not offered to other roles. */
const ORGANISATION_PAGES: readonly {
  readonly path: string;
  readonly label: MessageKey;
  readonly ownerOnly: boolean;
}[] = [
  { path: '/organisation', label: 'console.organisation.menu.profile', ownerOnly: false },
  { path: '/organisation/members', label: 'console.organisation.menu.members', ownerOnly: false },
  { path: '/organisation/api-keys', label: 'console.organisation.menu.apiKeys', ownerOnly: true },
  { path: '/organisation/keys', label: 'console.organisation.menu.keys', ownerOnly: false },
  { path: '/organisation/domain', label: 'console.trust.domain.menu', ownerOnly: true },
  { path: '/organisation/webhooks', label: 'console.webhooks.nav', ownerOnly: false },
];

/** An organisation settings page: the console around it, its one heading, the settings menu and notes. */
export function OrganisationLayout(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly title: string;
  readonly message?: string | undefined;
  readonly error?: string | undefined;
  readonly children: Child;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  const path = c.req.path;
  return (
    <ConsoleLayout c={c} workspace={workspace} title={props.title}>
      <h1>{props.title}</h1>
      <nav aria-label={t('console.organisation.menu')}>
        <ul class="organisation-links">
          {ORGANISATION_PAGES.filter((page) => !page.ownerOnly || workspace.role === 'owner').map((page) => {
            const href = consolePath(workspace, page.path);
            return (
              <li>
                <a href={href} aria-current={path === href ? 'page' : undefined}>
                  {t(page.label)}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <Notes message={props.message} error={props.error} />
      {workspace.role === 'owner' ? null : (
        <p class="hint">{t('console.organisation.readOnly', { name: workspace.name })}</p>
      )}
      {props.children}
    </ConsoleLayout>
  );
}

export { doneNote };
