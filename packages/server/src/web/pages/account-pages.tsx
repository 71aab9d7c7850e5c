import type { Context } from 'hono';
import type { PortfolioItem } from '../../domain/earner/portfolio.js';
import type { Earner, EarnerEmail } from '../../domain/ports/index.js';
import { Layout, PostForm } from '../layout.js';
import type { WebEnv } from '../web-env.js';
import { CredentialCard } from './credential-card.js';

function ItemControls(props: { readonly c: Context<WebEnv>; readonly item: PortfolioItem }) {
  const { c, item } = props;
  const t = c.get('t');
  if (item.kind === 'imported') {
    return (
      <p class="hint" data-visibility={item.visibility}>
        {item.visibility === 'public' ? t('owner.public') : t('owner.private')}
      </p>
    );
  }
  const id = item.credential.id;
  if (item.choice === 'pending') {
    return (
      <div class="actions">
        <PostForm c={c} action={`/account/credentials/${id}`}>
          <input type="hidden" name="choice" value="accepted" />
          <input type="hidden" name="visibility" value="public" />
          <button type="submit">{t('claim.accept')}</button>
        </PostForm>
        <PostForm c={c} action={`/account/credentials/${id}`}>
          <input type="hidden" name="choice" value="declined" />
          <button type="submit" class="secondary">
            {t('claim.decline')}
          </button>
        </PostForm>
      </div>
    );
  }
  const next = item.choice === 'declined' ? null : item.visibility === 'public' ? 'private' : 'public';
  return (
    <div class="actions">
      <span class="hint" data-visibility={item.choice === 'declined' ? 'declined' : item.visibility}>
        {item.choice === 'declined'
          ? t('owner.declined')
          : item.visibility === 'public'
            ? t('owner.public')
            : t('owner.private')}
      </span>
      {next === null ? (
        <PostForm c={c} action={`/account/credentials/${id}`}>
          <input type="hidden" name="choice" value="accepted" />
          <input type="hidden" name="visibility" value="private" />
          <button type="submit" class="secondary">
            {t('owner.restore')}
          </button>
        </PostForm>
      ) : (
        <PostForm c={c} action={`/account/credentials/${id}`}>
          <input type="hidden" name="visibility" value={next} />
          <button type="submit" class="secondary" data-make={next}>
            {next === 'public' ? t('owner.makePublic') : t('owner.makePrivate')}
          </button>
        </PostForm>
      )}
    </div>
  );
}

/** What the last action did: a confirmation, or why it was refused. */
function Notes(props: { readonly message: string | undefined; readonly error: string | undefined }) {
  return (
    <>
      {props.message === undefined ? null : (
        <p class="notice" role="status">
          {props.message}
        </p>
      )}
      {props.error === undefined ? null : (
        <p class="error-box" role="alert">
          {props.error}
        </p>
      )}
    </>
  );
}

/** `/account`: every credential of the signed-in earner, with its controls, and the import form. */
export function MyCredentialsPage(props: {
  readonly c: Context<WebEnv>;
  readonly earner: Earner;
  readonly items: readonly PortfolioItem[];
  readonly message?: string;
  readonly error?: string;
}) {
  const { c, earner, items } = props;
  const t = c.get('t');
  return (
    <Layout c={c} title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      <Notes message={props.message} error={props.error} />
      <p>
        {earner.handle === null ? (
          <>
            {t('account.noHandle')} <a href="/account/settings">{t('account.chooseHandle')}</a>
          </>
        ) : (
          <>
            {t('account.publicAt')} <a href={`/u/${earner.handle}`}>/u/{earner.handle}</a> ·{' '}
            <a href={`/u/${earner.handle}/pathways`}>{t('pathways.mine')}</a>
          </>
        )}
      </p>
      {items.length === 0 ? (
        <p>{t('account.empty')}</p>
      ) : (
        <div class="grid">
          {items.map((item) => (
            <CredentialCard c={c} item={item}>
              <ItemControls c={c} item={item} />
            </CredentialCard>
          ))}
        </div>
      )}
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">{t('import.heading')}</h2>
        <p class="hint">{t('import.hint')}</p>
        <PostForm c={c} action="/account/imports" multipart>
          <div class="dropzone" data-dropzone>
            <label for="import-file">{t('import.file')}</label>
            <input
              id="import-file"
              type="file"
              name="file"
              accept=".json,.jwt,.png,.svg,application/json,image/png,image/svg+xml"
            />
            <span data-dropzone-name class="hint"></span>
          </div>
          <label for="import-text">{t('import.paste')}</label>
          <textarea id="import-text" name="text" spellcheck={false}></textarea>
          <label for="import-url">{t('import.url')}</label>
          <input id="import-url" type="url" name="url" placeholder="https://" />
          <div class="actions">
            <button type="submit">{t('import.submit')}</button>
          </div>
        </PostForm>
      </section>
    </Layout>
  );
}

/** `/account/settings`: profile, addresses, export, deletion. */
export function SettingsPage(props: {
  readonly c: Context<WebEnv>;
  readonly earner: Earner;
  readonly emails: readonly EarnerEmail[];
  readonly message?: string;
  readonly error?: string;
}) {
  const { c, earner, emails } = props;
  const t = c.get('t');
  return (
    <Layout c={c} title={t('settings.title')}>
      <h1>{t('settings.title')}</h1>
      <Notes message={props.message} error={props.error} />
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('settings.profile')}</h2>
        <PostForm c={c} action="/account/profile">
          <label for="display-name">{t('settings.displayName')}</label>
          <input
            id="display-name"
            type="text"
            name="displayName"
            value={earner.displayName ?? ''}
            maxlength={100}
            autocomplete="name"
          />
          <label for="handle">{t('settings.handle')}</label>
          <input
            id="handle"
            type="text"
            name="handle"
            value={earner.handle ?? ''}
            pattern="[a-z0-9][a-z0-9\-]{1,30}[a-z0-9]"
            aria-describedby="handle-hint"
          />
          <p class="hint" id="handle-hint">
            {t('settings.handleHint')}
          </p>
          <label for="locale">{t('settings.language')}</label>
          <select id="locale" name="locale">
            <option value="en" selected={earner.locale === 'en'}>
              English
            </option>
            <option value="fr" selected={earner.locale === 'fr'}>
              Français
            </option>
          </select>
          <div class="actions">
            <button type="submit">{t('settings.save')}</button>
          </div>
        </PostForm>
      </section>
      <section aria-labelledby="emails-heading">
        <h2 id="emails-heading">{t('settings.emails')}</h2>
        <p class="hint">{t('settings.emailsHint')}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('settings.address')}</th>
              <th scope="col">{t('settings.state')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('settings.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {emails.map((email) => (
              <tr data-email={email.email}>
                <td>{email.email}</td>
                <td>{email.verifiedAt === null ? t('settings.unconfirmed') : t('settings.confirmed')}</td>
                <td>
                  <PostForm c={c} action={`/account/emails/${email.id}/remove`}>
                    <button type="submit" class="link">
                      {t('settings.remove')}
                      <span class="visually-hidden"> {email.email}</span>
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <PostForm c={c} action="/account/emails">
          <label for="new-email">{t('settings.addEmail')}</label>
          <input id="new-email" type="email" name="email" required autocomplete="email" />
          <div class="actions">
            <button type="submit">{t('settings.sendConfirmation')}</button>
          </div>
        </PostForm>
      </section>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t('settings.export')}</h2>
        <p>{t('settings.exportHint')}</p>
        <div class="actions">
          <a class="button secondary" href="/account/export.json" download>
            {t('settings.exportJson')}
          </a>
          <a class="button secondary" href="/account/export-clr.json" download>
            {t('settings.exportClr')}
          </a>
        </div>
      </section>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t('settings.delete')}</h2>
        <p>{t('settings.deleteHint')}</p>
        <PostForm c={c} action="/account/delete" confirm={t('settings.deleteConfirm')}>
          <button type="submit" class="danger">
            {t('settings.deleteButton')}
          </button>
        </PostForm>
      </section>
    </Layout>
  );
}
