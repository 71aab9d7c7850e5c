import type { Context, Hono } from 'hono';
import { consoleActor, type Workspace } from '../../domain/auth/staff-access.js';
import type { Platform } from '../../domain/platform.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { consoleWorkspace, requireStaff } from './console-context.js';
import { DashboardPage, NoWorkspacePage } from './dashboard-page.js';

async function renderDashboard(
  c: Context<WebEnv>,
  platform: Platform,
  workspace: Workspace,
  actor: Parameters<Platform['credentials']['dashboard']>[0],
) {
  const dashboard = await platform.credentials.dashboard(actor, workspace.issuerId);
  const achievementNames = await platform.achievements.names([
    ...new Set(dashboard.latestBulkJobs.map((job) => job.achievementId)),
  ]);
  return c.html(
    <DashboardPage c={c} workspace={workspace} dashboard={dashboard} achievementNames={achievementNames} />,
  );
}

/** `/console` (the first of the person's issuers) and `/console/{slug}` (the dashboard of that one). */
export function mountDashboardRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/console', async (c) => {
    const staff = requireStaff(c);
    const first = staff.workspaces[0];
    if (first === undefined) return c.html(<NoWorkspacePage c={c} />, staff.isAdmin ? 200 : 403);
    const { actor, workspace } = consoleActor(staff, first.slug);
    return renderDashboard(c, platform, workspace, actor);
  });
  web.get('/console/:slug', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    return renderDashboard(c, platform, workspace, actor);
  });
}
