import type { Hono } from 'hono';
import { readCredentialSource } from '../shared/credential-source/read-credential-source.js';
import { readForm } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { SharedVerificationPage } from './shared-verification-page.js';

/**
 * Shared verification results: `/verify` offers a link to the result it showed (POST /verify/share with
 * the sealed result), `/verifications/{id}` shows it, and takes a visitor's copy to compare.
 */
export function mountSharedVerificationRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.post('/verify/share', async (c) => {
    const form = await readForm(c);
    const shared = await platform.sharedVerifications.share(typeof form.seal === 'string' ? form.seal : '');
    return c.redirect(`/verifications/${shared.id}`, 303);
  });

  web.get('/verifications/:id', async (c) => {
    const opened = await platform.sharedVerifications.open(c.req.param('id'));
    return c.html(<SharedVerificationPage c={c} {...opened} />);
  });

  web.post('/verifications/:id', async (c) => {
    const id = c.req.param('id');
    const opened = await platform.sharedVerifications.open(id);
    const form = await readForm(c);
    const source = await readCredentialSource({
      platform,
      form,
      viewer: c.get('earner')?.id ?? null,
      t: c.get('t'),
    });
    if (source.kind !== 'read') {
      const error = source.kind === 'refused' ? source.message : c.get('t')('verify.nothing');
      return c.html(<SharedVerificationPage c={c} {...opened} error={error} />, 400);
    }
    const { report, same } = await platform.sharedVerifications.compare(id, source.input);
    return c.html(<SharedVerificationPage c={c} {...opened} comparison={{ report, same }} />);
  });
}
