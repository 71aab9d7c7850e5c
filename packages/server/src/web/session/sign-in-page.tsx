import type { Context } from 'hono';
import { Layout, PostForm } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';

/** `/signin`: an address to mail a sign-in link to, then word that it was sent. */
export function SignInPage(props: {
  readonly c: Context<WebEnv>;
  /** The link was asked for: the page says so (to this address, when known) rather than asking again. */
  readonly sent?: { readonly email: string | undefined };
  readonly error?: string;
  readonly devMailbox: boolean;
}) {
  const { c } = props;
  const t = c.get('t');
  return (
    <Layout c={c} title={t('signin.title')}>
      <h1>{t('signin.title')}</h1>
      {props.sent === undefined ? (
        <>
          <p>{t('signin.lead')}</p>
          {props.error === undefined ? null : (
            <p class="error-box" role="alert">
              {props.error}
            </p>
          )}
          <PostForm c={c} action="/signin">
            <label for="email">{t('signin.email')}</label>
            <input id="email" type="email" name="email" required autocomplete="email" />
            <div class="actions">
              <button type="submit">{t('signin.send')}</button>
            </div>
          </PostForm>
        </>
      ) : (
        <div class="notice" role="status">
          <p>
            {props.sent.email === undefined
              ? t('signin.sentUnnamed')
              : t('signin.sent', { email: props.sent.email })}
          </p>
          {props.devMailbox ? (
            <p>
              <a href="/dev/mailbox">{t('mailbox.open')}</a>
            </p>
          ) : null}
        </div>
      )}
    </Layout>
  );
}
