import type { Context } from 'hono';
import type { EmployerWorkspace } from '../../domain/employer/employer-access.js';
import { Layout } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';
import { employerPath } from './employer-context.js';
import { EMPLOYER_ROLE_LABELS } from './employer-layout.js';

/** `/employer` with several workspaces (or none): which one to open. */
export function WorkspacesPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspaces: readonly EmployerWorkspace[];
  readonly isAdmin: boolean;
}) {
  const { c, workspaces } = props;
  const t = c.get('t');
  return (
    <Layout c={c} title={t('employer.home.title')}>
      <h1>{t('employer.home.title')}</h1>
      {workspaces.length === 0 ? (
        <p>{props.isAdmin ? t('employer.home.noneAdmin') : t('employer.home.none')}</p>
      ) : (
        <>
          <p class="lead">{t('employer.home.lead')}</p>
          <ul data-workspaces>
            {workspaces.map((workspace) => (
              <li>
                <a href={employerPath(workspace)}>{workspace.name}</a>{' '}
                <span class="muted">
                  ({props.isAdmin ? t('employer.admin') : t(EMPLOYER_ROLE_LABELS[workspace.role])})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
