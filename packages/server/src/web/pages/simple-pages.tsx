import type { Context } from 'hono';
import type { ClaimView } from '../../domain/earner/claim-credential.js';
import type { OutboxMail } from '../../domain/ports/index.js';
import { readCredentialFields } from '../credential-fields.js';
import { Layout, PostForm } from '../layout.js';
import type { WebEnv } from '../web-env.js';

export function HomePage(props: {
  readonly c: Context<WebEnv>;
  readonly issuers: readonly { slug: string; name: string }[];
}) {
  const { c } = props;
  const t = c.get('t');
  return (
    <Layout c={c} title={t('home.title')} description={t('home.lead')}>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <div class="grid">
        <section class="card">
          <h2>{t('home.earners')}</h2>
          <p>{t('home.earnersText')}</p>
          <a class="button" href={c.get('earner') === null ? '/signin' : '/account'}>
            {c.get('earner') === null ? t('nav.signIn') : t('nav.myCredentials')}
          </a>
        </section>
        <section class="card">
          <h2>{t('home.verifiers')}</h2>
          <p>{t('home.verifiersText')}</p>
          <a class="button" href="/verify">
            {t('nav.verify')}
          </a>
        </section>
        <section class="card">
          <h2>{t('home.issuers')}</h2>
          <p>{t('home.issuersText')}</p>
          <ul>
            {props.issuers.map((issuer) => (
              <li>
                <a href={`/issuers/${issuer.slug}`}>{issuer.name}</a>
              </li>
            ))}
          </ul>
          <a href="/docs">{t('home.api')}</a>
        </section>
      </div>
    </Layout>
  );
}

export function SignInPage(props: {
  readonly c: Context<WebEnv>;
  readonly sent?: string;
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
          <p>{t('signin.sent', { email: props.sent })}</p>
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

/** The landing page of an emailed link: a button, because mail scanners open links but do not post forms. */
export function ConfirmLinkPage(props: {
  readonly c: Context<WebEnv>;
  readonly title: string;
  readonly text: string;
  readonly action: string;
  readonly button: string;
}) {
  const { c } = props;
  return (
    <Layout c={c} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      <PostForm c={c} action={props.action}>
        <button type="submit">{props.button}</button>
      </PostForm>
    </Layout>
  );
}

export function ClaimPage(props: {
  readonly c: Context<WebEnv>;
  readonly claim: ClaimView;
  readonly secret: string;
  readonly imageUrl: string;
}) {
  const { c, claim } = props;
  const t = c.get('t');
  const fields = readCredentialFields(claim.credential.document);
  return (
    <Layout c={c} title={t('claim.title', { name: fields.name })}>
      <div class="hero">
        <img
          class="badge"
          src={props.imageUrl}
          alt={t('credential.badgeAlt', { name: fields.name })}
          width="224"
          height="224"
        />
        <div>
          <h1>{t('claim.title', { name: fields.name })}</h1>
          <p class="lead">{t('claim.lead', { issuer: fields.issuerName, email: claim.email })}</p>
          {fields.description === null ? null : <p>{fields.description}</p>}
          <p class="hint">{t('claim.explain')}</p>
          <div class="actions">
            <PostForm c={c} action={`/claim/${props.secret}/accept`}>
              <button type="submit">{t('claim.accept')}</button>
            </PostForm>
            <PostForm c={c} action={`/claim/${props.secret}/decline`}>
              <button type="submit" class="secondary">
                {t('claim.decline')}
              </button>
            </PostForm>
          </div>
        </div>
      </div>
    </Layout>
  );
}

export function MessagePage(props: {
  readonly c: Context<WebEnv>;
  readonly title: string;
  readonly text: string;
  readonly status?: 'error' | 'info';
  readonly link?: { href: string; label: string };
}) {
  const { c } = props;
  return (
    <Layout c={c} title={props.title}>
      <h1>{props.title}</h1>
      <p
        class={props.status === 'error' ? 'error-box' : 'notice'}
        role={props.status === 'error' ? 'alert' : 'status'}
      >
        {props.text}
      </p>
      {props.link === undefined ? null : (
        <p>
          <a href={props.link.href}>{props.link.label}</a>
        </p>
      )}
    </Layout>
  );
}

export function MailboxPage(props: { readonly c: Context<WebEnv>; readonly mails: readonly OutboxMail[] }) {
  const { c } = props;
  const t = c.get('t');
  return (
    <Layout c={c} title={t('mailbox.title')}>
      <h1>{t('mailbox.title')}</h1>
      <p class="notice">{t('mailbox.lead')}</p>
      {props.mails.length === 0 ? (
        <p>{t('mailbox.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('mailbox.to')}</th>
              <th scope="col">{t('mailbox.subject')}</th>
              <th scope="col">{t('mailbox.when')}</th>
            </tr>
          </thead>
          <tbody>
            {props.mails.map((mail) => (
              <tr data-mail-to={mail.toAddress}>
                <td>{mail.toAddress}</td>
                <td>
                  <a href={`/dev/mailbox/${mail.id}`}>{mail.subject}</a>
                </td>
                <td>{mail.createdAt.toISOString().replace('T', ' ').slice(0, 19)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export function MailPage(props: { readonly c: Context<WebEnv>; readonly mail: OutboxMail }) {
  const { c, mail } = props;
  const t = c.get('t');
  // The text part, with its links made clickable; the HTML part is never rendered here.
  const parts = mail.textBody.split(/(https?:\/\/\S+)/g);
  return (
    <Layout c={c} title={mail.subject}>
      <p>
        <a href="/dev/mailbox">{t('mailbox.back')}</a>
      </p>
      <h1>{mail.subject}</h1>
      <dl class="facts">
        <dt>{t('mailbox.to')}</dt>
        <dd>{mail.toAddress}</dd>
        <dt>{t('mailbox.when')}</dt>
        <dd>{mail.createdAt.toISOString()}</dd>
      </dl>
      <pre class="snippet mail-body">
        {parts.map((part) => (/^https?:\/\//.test(part) ? <a href={part}>{part}</a> : part))}
      </pre>
    </Layout>
  );
}
