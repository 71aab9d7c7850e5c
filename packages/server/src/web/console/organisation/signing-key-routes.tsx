import type { Context, Hono } from 'hono';
import { resourceNotFound } from '../../../domain/auth/resource-not-found.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import { formField, readForm } from '../../shared/web-context.js';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { consolePath, consoleWorkspace } from '../console-context.js';
import { doneNote } from './organisation-layout.js';
import { SigningKeysPage } from './signing-key-page.js';

const DONE = { rotated: 'console.organisation.keys.rotated' } as const satisfies Record<string, MessageKey>;

/**
 * `/console/{slug}/organisation/keys`: every member sees the public keys and the DID document (verifiers
 * read them anyway); the rotation use case allows owners only.
 */
export function mountSigningKeyRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  async function render(c: Context<WebEnv>, refused?: { readonly message: string }) {
    const { actor, workspace } = consoleWorkspace(c);
    const keys = await platform.issuers.keys(actor, workspace.issuerId);
    const didDocument = await platform.issuers.didDocument(workspace.slug);
    if (didDocument === null) throw resourceNotFound('issuer');
    return c.html(
      <SigningKeysPage
        c={c}
        workspace={workspace}
        keys={keys}
        didDocument={didDocument}
        didDocumentUrl={`${platform.publicUrl}/issuers/${workspace.slug}/did.json`}
        message={refused === undefined ? doneNote(c, DONE) : undefined}
        error={refused?.message}
      />,
      refused === undefined ? 200 : 400,
    );
  }

  web.get('/console/:slug/organisation/keys', (c) => render(c));

  web.post('/console/:slug/organisation/keys/rotate', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    const form = await readForm(c);
    if (formField(form, 'confirm') !== 'yes') {
      return render(c, { message: c.get('t')('console.organisation.keys.mustConfirm') });
    }
    await platform.issuers.rotateKey(actor, workspace.issuerId);
    return c.redirect(`${consolePath(workspace, '/organisation/keys')}?done=rotated`, 303);
  });
}
