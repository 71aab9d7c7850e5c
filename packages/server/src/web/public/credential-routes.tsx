import type { Context, Hono } from 'hono';
import { SHARE_CHANNELS, type Visitor } from '../../domain/events/record-activity.js';
import { wantsPage } from '../shared/wants-html.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { ImportedCredentialPage, IssuedCredentialPage } from './credential-page.js';

const BEACON_ACTIONS = [...SHARE_CHANNELS, 'linkedin-add'] as const;

function isBeaconAction(action: string): action is (typeof BEACON_ACTIONS)[number] {
  return (BEACON_ACTIONS as readonly string[]).includes(action);
}

/** Who is looking, for the daily de-duplication of events (hashed by the domain, never stored). */
export function visitorOf(c: Context<WebEnv>): Visitor {
  return { ip: c.get('clientAddress'), userAgent: c.req.header('user-agent') ?? null };
}

/**
 * A credential's page, verified as it is shown: `/credentials/{id}` for browsers (anyone else gets the
 * JSON at the same URL), and `/imported/{id}` for one an earner brought from elsewhere.
 */
export function mountCredentialRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/credentials/:id', async (c, next) => {
    if (!wantsPage(c)) return next();
    const viewer = c.get('earner');
    const page = await platform.earners.viewCredential(c.req.param('id'), viewer?.id ?? null);
    const report = await platform.verify(page.credential.jwt ?? page.credential.document);
    await platform.events.recordView({ credentialId: page.credential.id, visitor: visitorOf(c) });
    const base = platform.publicUrl;
    // The same URL answers JSON to other clients (public-document-routes).
    c.header('Vary', 'Accept');
    const logPosition = await platform.transparencyLog.position(page.credential.id);
    return c.html(
      <IssuedCredentialPage
        c={c}
        page={page}
        report={report}
        logPosition={logPosition}
        pageUrl={`${base}/credentials/${page.credential.id}`}
        imageUrl={`${base}/achievements/${page.credential.achievementId}/image`}
        now={platform.now()}
      />,
    );
  });

  // The share buttons' beacon (site.js sends it on click; links work without it). Only a same-origin page
  // may count: another site's form cannot inflate an issuer's figures through a visitor's browser.
  web.post('/credentials/:id/events/:action', async (c) => {
    const action = c.req.param('action');
    const fetchSite = c.req.header('sec-fetch-site');
    if ((fetchSite === undefined || fetchSite === 'same-origin') && isBeaconAction(action)) {
      await platform.events.recordShare({
        credentialId: c.req.param('id'),
        channel: action,
        visitor: visitorOf(c),
      });
    }
    return c.body(null, 204);
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
