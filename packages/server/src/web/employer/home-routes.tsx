import type { Hono } from 'hono';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { employerPath, requireEmployerAccess } from './employer-context.js';
import { WorkspacesPage } from './home-page.js';

/** `/employer`: straight to the person's one workspace, else the list to choose from. */
export function mountEmployerHomeRoutes(web: Hono<WebEnv>, _deps: WebDeps): void {
  web.get('/employer', (c) => {
    const access = requireEmployerAccess(c);
    const [only, ...others] = access.workspaces;
    if (only !== undefined && others.length === 0 && !access.isAdmin) {
      return c.redirect(employerPath(only), 303);
    }
    // Someone who works for no employer: the page says so (403), as the console does for issuers.
    const status = access.workspaces.length === 0 && !access.isAdmin ? 403 : 200;
    return c.html(<WorkspacesPage c={c} workspaces={access.workspaces} isAdmin={access.isAdmin} />, status);
  });
}
