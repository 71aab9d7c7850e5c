import type { Hono } from 'hono';
import type { MessageKey } from '../../../i18n/messages/en.js';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { consolePath, consoleWorkspace } from '../console-context.js';
import { DomainPage } from './domain-page.js';
import { formRefusal } from './form-refusal.js';
import { doneNote } from './organisation-layout.js';

const DONE = { linked: 'console.trust.domain.done.linked' } as const satisfies Record<string, MessageKey>;

/** `/console/{slug}/organisation/domain`: the owner links the issuer's website to its DID. */
export function mountDomainRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/console/:slug/organisation/domain', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    const issuer = await platform.issuers.get(actor, workspace.issuerId);
    return c.html(<DomainPage c={c} workspace={workspace} issuer={issuer} message={doneNote(c, DONE)} />);
  });

  web.get('/console/:slug/organisation/domain/did-configuration.json', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    const { configuration } = await platform.trust.didConfiguration(actor, workspace.issuerId);
    c.header('Content-Disposition', 'attachment; filename="did-configuration.json"');
    return c.json(configuration);
  });

  web.post('/console/:slug/organisation/domain/check', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    try {
      const check = await platform.trust.checkDomain(actor, workspace.issuerId);
      if (check.linked) return c.redirect(consolePath(workspace, '/organisation/domain?done=linked'), 303);
      const t = c.get('t');
      return c.html(
        <DomainPage
          c={c}
          workspace={workspace}
          issuer={check.issuer}
          error={t('console.trust.domain.failed', { origin: check.origin, reason: check.reason ?? '' })}
        />,
        200,
      );
    } catch (error) {
      const refused = formRefusal(error, c.get('t'));
      const issuer = await platform.issuers.get(actor, workspace.issuerId);
      return c.html(
        <DomainPage c={c} workspace={workspace} issuer={issuer} error={refused.message} />,
        refused.status,
      );
    }
  });
}
