import type { Context } from 'hono';
import { PostForm } from '../shared/layout.js';
import { Notes } from '../shared/notes.js';
import type { WebEnv } from '../shared/web-env.js';
import { ConsoleLayout } from './console-layout.js';

/** `/console/admin/issuers/new`: the administrator adds an organisation and invites its first owner. */
export function NewIssuerPage(props: {
  readonly c: Context<WebEnv>;
  readonly values?: Readonly<Record<string, string>>;
  readonly message?: string;
  readonly error?: string;
}) {
  const { c } = props;
  const t = c.get('t');
  const value = (name: string) => props.values?.[name] ?? '';
  return (
    <ConsoleLayout c={c} workspace={null} title={t('console.admin.newIssuerTitle')}>
      <h1>{t('console.admin.newIssuerTitle')}</h1>
      <p class="lead">{t('console.admin.newIssuerLead')}</p>
      <Notes message={props.message} error={props.error} />
      <PostForm c={c} action="/console/admin/issuers" class="stack">
        <label for="issuer-name">{t('console.admin.name')}</label>
        <input id="issuer-name" name="name" required maxlength={200} value={value('name')} />
        <label for="issuer-slug">{t('console.admin.slug')}</label>
        <input
          id="issuer-slug"
          name="slug"
          required
          minlength={2}
          maxlength={63}
          pattern="[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?"
          value={value('slug')}
        />
        <label for="issuer-url">{t('console.admin.url')}</label>
        <input id="issuer-url" name="url" type="url" value={value('url')} />
        <label for="issuer-owner">{t('console.admin.ownerEmail')}</label>
        <input id="issuer-owner" name="ownerEmail" type="email" required value={value('ownerEmail')} />
        <button type="submit">{t('console.admin.create')}</button>
      </PostForm>
    </ConsoleLayout>
  );
}
