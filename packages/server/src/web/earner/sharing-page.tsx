import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PortfolioItem } from '../../domain/earner/portfolio.js';
import type { Employer } from '../../domain/ports/index.js';
import type { ConsentView } from '../../domain/talent/talent-consents.js';
import { itemLinks } from '../shared/credential-card.js';
import { Layout, PostForm, StandingBadge } from '../shared/layout.js';
import { Notes } from '../shared/notes.js';
import type { WebEnv } from '../shared/web-env.js';

/** The form's value for the public talent directory (an employer is named by its id). */
export const DIRECTORY = 'directory';
/** Each offered credential is its own checkbox: a form posts one value per name. */
export const CREDENTIAL_FIELD = 'credential.';
export const MAX_LOCATION = 100;

/** What the consent form holds: a consent's values, or the ones just posted. */
export interface SharingValues {
  /** `directory` or an employer's id. */
  readonly to: string;
  readonly showName: boolean;
  readonly showContact: boolean;
  readonly credentials: 'all' | 'chosen';
  readonly chosen: readonly string[];
  readonly location: string;
}

export const DEFAULT_SHARING: SharingValues = {
  to: DIRECTORY,
  showName: false,
  showContact: false,
  credentials: 'all',
  chosen: [],
  location: '',
};

export function targetOf(consent: Pick<ConsentView, 'employerId'>): string {
  return consent.employerId ?? DIRECTORY;
}

export function valuesOf(consent: ConsentView): SharingValues {
  return {
    to: targetOf(consent),
    showName: consent.showName,
    showContact: consent.showContact,
    credentials: consent.credentialIds === null ? 'all' : 'chosen',
    chosen: consent.credentialIds ?? [],
    location: consent.location ?? '',
  };
}

export function itemId(item: PortfolioItem): string {
  return item.kind === 'issued' ? item.credential.id : item.imported.id;
}

/** The credentials a consent may name: accepted ones and imports, as the domain accepts them. */
export function shareableItems(items: readonly PortfolioItem[]): PortfolioItem[] {
  return items.filter((item) => item.kind === 'imported' || item.choice === 'accepted');
}

function ConsentCard(props: {
  readonly c: Context<WebEnv>;
  readonly consent: ConsentView;
  readonly items: ReadonlyMap<string, PortfolioItem>;
}) {
  const { c, consent, items } = props;
  const t = c.get('t');
  const target = targetOf(consent);
  const title =
    consent.employerId === null
      ? t('sharing.directory')
      : (consent.employer?.name ?? t('sharing.employerGone'));
  return (
    <article class="card consent" data-consent={target} aria-labelledby={`consent-${target}`}>
      <h3 id={`consent-${target}`}>
        {title}
        {consent.employerId === null ? <span class="muted"> ({t('sharing.directoryWho')})</span> : null}
      </h3>
      <dl class="facts">
        <dt>{t('sharing.nameLabel')}</dt>
        <dd data-show-name={String(consent.showName)}>
          {consent.showName ? t('sharing.nameShown') : t('sharing.nameHidden')}
        </dd>
        <dt>{t('sharing.contactLabel')}</dt>
        <dd data-show-contact={String(consent.showContact)}>
          {consent.showContact ? t('sharing.contactShown') : t('sharing.contactHidden')}
        </dd>
        <dt>{t('sharing.credentialsLabel')}</dt>
        <dd data-credentials={consent.credentialIds === null ? 'all' : 'chosen'}>
          {consent.credentialIds === null ? (
            t('sharing.credentialsAllShown')
          ) : (
            <ul>
              {consent.credentialIds.map((id) => {
                const item = items.get(id);
                if (item === undefined) return <li>{t('sharing.credentialGone')}</li>;
                const links = itemLinks(item);
                return (
                  <li data-credential={id}>
                    <a href={links.href}>{links.name}</a> <span class="muted">· {links.issuer}</span>
                  </li>
                );
              })}
            </ul>
          )}
        </dd>
        <dt>{t('sharing.locationLabel')}</dt>
        <dd>{consent.location ?? t('sharing.locationNone')}</dd>
        <dt>{t('sharing.changedLabel')}</dt>
        <dd>{t.date(consent.updatedAt)}</dd>
      </dl>
      <div class="actions">
        <a href={`/account/sharing?to=${target}#give-heading`}>
          {t('sharing.change')}
          <span class="visually-hidden"> {title}</span>
        </a>
        <PostForm c={c} action="/account/sharing/withdraw" confirm={t('sharing.withdrawConfirm')}>
          <input type="hidden" name="to" value={target} />
          <button type="submit" class="secondary danger">
            {t('sharing.withdraw')}
            <span class="visually-hidden"> {title}</span>
          </button>
        </PostForm>
      </div>
    </article>
  );
}

function CredentialChoice(props: {
  readonly c: Context<WebEnv>;
  readonly item: PortfolioItem;
  readonly checked: boolean;
}) {
  const { c, item } = props;
  const t = c.get('t');
  const id = itemId(item);
  const links = itemLinks(item);
  return (
    <p class="checkbox">
      <input
        id={`share-${id}`}
        type="checkbox"
        name={`${CREDENTIAL_FIELD}${id}`}
        value="yes"
        checked={props.checked}
      />
      <label for={`share-${id}`}>
        {links.name} <span class="muted">· {links.issuer}</span>
        {item.kind === 'imported' ? <span class="muted"> · {t('imported.label')}</span> : null}
      </label>{' '}
      <StandingBadge c={c} standing={item.standing} />
    </p>
  );
}

/** `/account/sharing`: what an employer sees, where the earner can be found, and the form to change it. */
export function SharingPage(props: {
  readonly c: Context<WebEnv>;
  readonly consents: readonly ConsentView[];
  readonly employers: readonly Employer[];
  /** The earner's portfolio, as the consent's credentials are named from it. */
  readonly items: readonly PortfolioItem[];
  readonly values: SharingValues;
  readonly message?: string;
  readonly error?: string;
  /** The employers that invited the earner to connect their portfolio (see workforce-section.tsx). */
  readonly workforce: Child;
}) {
  const { c, consents, employers, values } = props;
  const t = c.get('t');
  const byId = new Map(props.items.map((item) => [itemId(item), item]));
  const shareable = shareableItems(props.items);
  const chosen = new Set(values.chosen);
  return (
    <Layout c={c} title={t('sharing.title')}>
      <h1>{t('sharing.title')}</h1>
      <Notes message={props.message} error={props.error} />
      <p class="lead">{t('sharing.lead')}</p>
      <section aria-labelledby="sees-heading">
        <h2 id="sees-heading">{t('sharing.seesHeading')}</h2>
        <ul>
          <li>{t('sharing.seesName')}</li>
          <li>{t('sharing.seesContact')}</li>
          <li>
            {t('sharing.seesCredentials')} <a href="/account/skills">{t('skills.title')}</a>
          </li>
          <li>{t('sharing.seesLocation')}</li>
          <li>{t('sharing.seesNothingElse')}</li>
        </ul>
        <p>{t('sharing.whereHint')}</p>
        <p>
          <strong>{t('sharing.withdrawHint')}</strong>
        </p>
      </section>
      <section aria-labelledby="current-heading">
        <h2 id="current-heading">{t('sharing.currentHeading')}</h2>
        {consents.length === 0 ? (
          <p class="notice" data-consents="none">
            {t('sharing.none')}
          </p>
        ) : (
          <div class="grid">
            {consents.map((consent) => (
              <ConsentCard c={c} consent={consent} items={byId} />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="give-heading" class="sharing-form">
        <h2 id="give-heading">{t('sharing.formHeading')}</h2>
        <p class="hint">{t('sharing.formHint')}</p>
        <PostForm c={c} action="/account/sharing">
          <label for="sharing-to">{t('sharing.to')}</label>
          <select id="sharing-to" name="to">
            <option value={DIRECTORY} selected={values.to === DIRECTORY}>
              {t('sharing.directory')} ({t('sharing.directoryWho')})
            </option>
            {employers.length === 0 ? null : (
              <optgroup label={t('sharing.toEmployers')}>
                {employers.map((employer) => (
                  <option value={employer.id} selected={values.to === employer.id}>
                    {employer.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          <p class="checkbox">
            <input id="sharing-name" type="checkbox" name="showName" value="yes" checked={values.showName} />
            <label for="sharing-name">{t('sharing.showName')}</label>
          </p>
          <p class="checkbox">
            <input
              id="sharing-contact"
              type="checkbox"
              name="showContact"
              value="yes"
              checked={values.showContact}
            />
            <label for="sharing-contact">{t('sharing.showContact')}</label>
          </p>
          <fieldset>
            <legend>{t('sharing.credentials')}</legend>
            <p class="radio">
              <input
                id="sharing-all"
                type="radio"
                name="credentials"
                value="all"
                checked={values.credentials === 'all'}
              />
              <label for="sharing-all">{t('sharing.credentialsAll')}</label>
            </p>
            <p class="radio">
              <input
                id="sharing-chosen"
                type="radio"
                name="credentials"
                value="chosen"
                checked={values.credentials === 'chosen'}
              />
              <label for="sharing-chosen">{t('sharing.credentialsChosen')}</label>
            </p>
            {shareable.length === 0 ? (
              <p class="hint">{t('sharing.noCredentials')}</p>
            ) : (
              <div class="sharing-credentials" data-shareable={shareable.length}>
                {shareable.map((item) => (
                  <CredentialChoice c={c} item={item} checked={chosen.has(itemId(item))} />
                ))}
              </div>
            )}
          </fieldset>
          <label for="sharing-location">{t('sharing.location')}</label>
          <input
            id="sharing-location"
            type="text"
            name="location"
            maxlength={MAX_LOCATION}
            value={values.location}
            autocomplete="address-level2"
            aria-describedby="sharing-location-hint"
          />
          <p class="muted" id="sharing-location-hint">
            {t('sharing.locationHint')}
          </p>
          <div class="actions">
            <button type="submit">{t('sharing.save')}</button>
          </div>
        </PostForm>
      </section>
      {props.workforce}
    </Layout>
  );
}
