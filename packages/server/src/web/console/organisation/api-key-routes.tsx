import type { Context, Hono } from 'hono';
import { API_SCOPES } from '../../../domain/auth/api-scopes.js';
import { ApiKeyInputSchema } from '../../../domain/auth/api-tokens.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import { formField, readForm } from '../../shared/web-context.js';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { consolePath, consoleWorkspace } from '../console-context.js';
import { ApiKeyCreatedPage, ApiKeysPage, scopeField } from './api-key-pages.js';
import { type FormRefusal, formRefusal } from './form-refusal.js';
import { doneNote } from './organisation-layout.js';

const DONE = { revoked: 'console.organisation.apiKeys.revoked' } as const satisfies Record<
  string,
  MessageKey
>;

/**
 * `/console/{slug}/organisation/api-keys`, for owners (the API key use cases refuse anyone else): the
 * keys, a new key's token shown once in the answer to its creation, revocation.
 */
export function mountApiKeyRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  async function render(
    c: Context<WebEnv>,
    refused?: FormRefusal & { readonly values: Readonly<Record<string, string>> },
  ) {
    const { actor, workspace } = consoleWorkspace(c);
    const keys = await platform.apiKeys.list(actor, workspace.issuerId);
    return c.html(
      <ApiKeysPage
        c={c}
        workspace={workspace}
        keys={keys}
        {...(refused === undefined ? {} : { values: refused.values })}
        message={refused === undefined ? doneNote(c, DONE) : undefined}
        error={refused?.message}
      />,
      refused?.status ?? 200,
    );
  }

  web.get('/console/:slug/organisation/api-keys', (c) => render(c));

  web.post('/console/:slug/organisation/api-keys', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    const form = await readForm(c);
    const scopes = API_SCOPES.filter((scope) => formField(form, scopeField(scope)) === 'yes');
    const values = {
      name: formField(form, 'name').trim(),
      role: formField(form, 'role'),
      ...Object.fromEntries(scopes.map((scope) => [scopeField(scope), 'yes'])),
    };
    try {
      const input = ApiKeyInputSchema.parse({
        name: values.name,
        role: values.role,
        ...(scopes.length === 0 ? {} : { scopes }),
      });
      const created = await platform.apiKeys.create(actor, workspace.issuerId, input);
      // Answered here rather than after a redirect: the token exists only in this response.
      return c.html(
        <ApiKeyCreatedPage c={c} workspace={workspace} name={created.apiKey.name} token={created.token} />,
        201,
      );
    } catch (error) {
      return render(c, { ...formRefusal(error, c.get('t')), values });
    }
  });

  web.post('/console/:slug/organisation/api-keys/:keyId/revoke', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    await readForm(c);
    await platform.apiKeys.revoke(actor, workspace.issuerId, c.req.param('keyId'));
    return c.redirect(`${consolePath(workspace, '/organisation/api-keys')}?done=revoked`, 303);
  });
}
