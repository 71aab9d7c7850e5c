import type { Hono } from 'hono';
import { wantsHtml } from '../shared/wants-html.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { ImportedCredentialPage, IssuedCredentialPage } from './credential-page.js';

/**
 * A credential's page, verified as it is shown: `/credentials/{id}` for browsers (anyone else gets the
 * JSON at the same URL), and `/imported/{id}` for one an earner brought from elsewhere.
 */
export function mountCredentialRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/credentials/:id', async (c, next) => {
    if (!wantsHtml(c)) return next();
    const viewer = c.get('earner');
    const page = await platform.earners.viewCredential(c.req.param('id'), viewer?.id ?? null);
    const report = await platform.verify(page.credential.jwt ?? page.credential.document);
    const base = platform.publicUrl;
    return c.html(
      <IssuedCredentialPage
        c={c}
        page={page}
        report={report}
        pageUrl={`${base}/credentials/${page.credential.id}`}
        imageUrl={`${base}/achievements/${page.credential.achievementId}/image`}
      />,
    );
  });

  web.get('/imported/:id', async (c) => {
    const viewer = c.get('earner');
    const { imported } = await platform.earners.viewImport(c.req.param('id'), viewer?.id ?? null);
    // Verified again on every view: a revocation after the import shows at once.
    const report = await platform.verify(imported.jwt ?? imported.document);
    return c.html(
      <ImportedCredentialPage
        c={c}
        imported={imported}
        report={report}
        isOwner={viewer?.id === imported.earnerId}
      />,
    );
  });
}
