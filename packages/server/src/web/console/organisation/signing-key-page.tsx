import type { Context } from 'hono';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import type { IssuerPublicKey } from '../../../domain/issuer/manage-issuers.js';
import type { Translator } from '../../../i18n/translate.js';
import { PostForm } from '../../shared/layout.js';
import type { WebEnv } from '../../shared/web-env.js';
import { consolePath } from '../console-context.js';
import { OrganisationLayout } from './organisation-layout.js';

function keyState(t: Translator, key: IssuerPublicKey): string {
  if (key.revokedAt !== null)
    return t('console.organisation.keys.revokedOn', { date: t.date(key.revokedAt) });
  if (key.retiredAt !== null)
    return t('console.organisation.keys.retiredOn', { date: t.date(key.retiredAt) });
  return t('console.organisation.keys.active');
}

/** `/console/{slug}/organisation/keys`: the signing keys, their rotation (owners), the DID document. */
export function SigningKeysPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly keys: readonly IssuerPublicKey[];
  readonly didDocument: unknown;
  readonly didDocumentUrl: string;
  readonly message?: string | undefined;
  readonly error?: string | undefined;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  return (
    <OrganisationLayout
      c={c}
      workspace={workspace}
      title={t('console.organisation.keys.title', { name: workspace.name })}
      message={props.message}
      error={props.error}
    >
      <p>{t('console.organisation.keys.lead')}</p>
      <div class="table-scroll">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t('console.organisation.keys.key')}</th>
              <th scope="col">{t('console.organisation.keys.created')}</th>
              <th scope="col">{t('console.organisation.keys.state')}</th>
            </tr>
          </thead>
          <tbody>
            {props.keys.map((key) => (
              <tr data-signing-key={key.keyId} data-active={key.active ? 'true' : 'false'}>
                <th scope="row">
                  <code>{key.verificationMethod}</code>
                </th>
                <td>{t.date(key.createdAt)}</td>
                <td>{keyState(t, key)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {workspace.role === 'owner' ? (
        <section aria-labelledby="rotate-heading">
          <h2 id="rotate-heading">{t('console.organisation.keys.rotateHeading')}</h2>
          <PostForm
            c={c}
            action={consolePath(workspace, '/organisation/keys/rotate')}
            class="stack"
            confirm={t('console.organisation.keys.confirmRotate')}
          >
            <label class="choice" for="rotate-confirm">
              <input id="rotate-confirm" name="confirm" type="checkbox" value="yes" required />{' '}
              {t('console.organisation.keys.rotateConfirm')}
            </label>
            <p>
              <button type="submit" class="danger">
                {t('console.organisation.keys.rotate')}
              </button>
            </p>
          </PostForm>
        </section>
      ) : null}
      <section aria-labelledby="did-heading">
        <h2 id="did-heading">{t('console.organisation.keys.didDocument')}</h2>
        <p class="hint">{t('console.organisation.keys.didDocumentHint', { url: props.didDocumentUrl })}</p>
        <pre class="snippet" data-did-document>
          {JSON.stringify(props.didDocument, null, 2)}
        </pre>
      </section>
    </OrganisationLayout>
  );
}
