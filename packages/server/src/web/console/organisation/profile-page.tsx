import type { Context } from 'hono';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import { encodeImageDataUri } from '../../../domain/image/image-data-uri.js';
import { readStoredImage } from '../../../domain/image/read-stored-image.js';
import type { IssuerView } from '../../../domain/issuer/manage-issuers.js';
import { PostForm } from '../../shared/layout.js';
import type { WebEnv } from '../../shared/web-env.js';
import { consolePath } from '../console-context.js';
import { OrganisationLayout } from './organisation-layout.js';

/** The largest logo the branding form takes (the request limit leaves room for it and the form). */
export const LOGO_LIMIT_BYTES = 512 * 1024;

/** The form fields of the profile and branding forms, as typed (kept when a form is refused). */
export type ProfileValues = Readonly<Record<string, string>>;

export function profileValues(issuer: IssuerView): ProfileValues {
  return {
    name: issuer.name,
    description: issuer.description ?? '',
    url: issuer.url ?? '',
    email: issuer.email ?? '',
    linkedinOrganizationId: issuer.linkedinOrganizationId ?? '',
    brandColor: issuer.brandColor ?? '',
  };
}

/** The stored logo as an `img` source: the sanitised file again, or the public https address. */
function logoSource(issuer: IssuerView): string | null {
  const image = readStoredImage(issuer.image);
  if (image === undefined) return null;
  return image.kind === 'link' ? image.url : encodeImageDataUri(image.mediaType, image.bytes);
}

/** A colour sample: an SVG fill, since the page's CSP allows no inline style. */
function Swatch(props: { readonly color: string }) {
  return (
    <svg class="swatch" aria-hidden="true" focusable="false" viewBox="0 0 1 1" data-brand-color={props.color}>
      <rect width="1" height="1" fill={props.color} />
    </svg>
  );
}

/** `/console/{slug}/organisation`: the issuer's public profile and its branding. */
export function ProfilePage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly issuer: IssuerView;
  readonly values: ProfileValues;
  readonly message?: string | undefined;
  readonly error?: string | undefined;
}) {
  const { c, workspace, issuer } = props;
  const t = c.get('t');
  const value = (name: string) => props.values[name] ?? '';
  const owner = workspace.role === 'owner';
  const logo = logoSource(issuer);
  const none = <span class="muted">{t('console.organisation.profile.none')}</span>;
  return (
    <OrganisationLayout
      c={c}
      workspace={workspace}
      title={t('console.organisation.profile.title', { name: workspace.name })}
      message={props.message}
      error={props.error}
    >
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('console.organisation.profile.heading')}</h2>
        {owner ? (
          <PostForm c={c} action={consolePath(workspace, '/organisation')} class="stack">
            <label for="profile-name">{t('console.organisation.profile.name')}</label>
            <input id="profile-name" name="name" type="text" required maxlength={200} value={value('name')} />
            <label for="profile-description">{t('console.organisation.profile.description')}</label>
            <textarea id="profile-description" name="description" maxlength={5000}>
              {value('description')}
            </textarea>
            <label for="profile-url">{t('console.organisation.profile.url')}</label>
            <input id="profile-url" name="url" type="url" value={value('url')} />
            <label for="profile-email">{t('console.organisation.profile.email')}</label>
            <input id="profile-email" name="email" type="email" value={value('email')} />
            <label for="profile-linkedin">{t('console.organisation.profile.linkedin')}</label>
            <input
              id="profile-linkedin"
              name="linkedinOrganizationId"
              type="text"
              inputmode="numeric"
              pattern="[0-9]{1,20}"
              aria-describedby="profile-linkedin-hint"
              value={value('linkedinOrganizationId')}
            />
            <p class="hint" id="profile-linkedin-hint">
              {t('console.organisation.profile.linkedinHint')}
            </p>
            <p>
              <button type="submit">{t('console.organisation.profile.save')}</button>
            </p>
          </PostForm>
        ) : (
          <dl class="facts">
            <dt>{t('console.organisation.profile.name')}</dt>
            <dd>{issuer.name}</dd>
            <dt>{t('console.organisation.profile.description')}</dt>
            <dd>{issuer.description ?? none}</dd>
            <dt>{t('console.organisation.profile.url')}</dt>
            <dd>{issuer.url ?? none}</dd>
            <dt>{t('console.organisation.profile.email')}</dt>
            <dd>{issuer.email ?? none}</dd>
            <dt>{t('console.organisation.profile.linkedin')}</dt>
            <dd>{issuer.linkedinOrganizationId ?? none}</dd>
          </dl>
        )}
      </section>
      <section aria-labelledby="branding-heading">
        <h2 id="branding-heading">{t('console.organisation.branding.heading')}</h2>
        <p>{t('console.organisation.branding.lead')}</p>
        <h3>{t('console.organisation.branding.logo')}</h3>
        {logo === null ? (
          <p class="muted">{t('console.organisation.branding.noLogo')}</p>
        ) : (
          <img
            class="organisation-logo"
            src={logo}
            alt={t('console.organisation.branding.logoAlt', { name: issuer.name })}
            height="96"
          />
        )}
        <h3>{t('console.organisation.branding.color')}</h3>
        {issuer.brandColor === null ? (
          <p class="muted">{t('console.organisation.branding.noColor')}</p>
        ) : (
          <p>
            <Swatch color={issuer.brandColor} /> <code>{issuer.brandColor}</code>
          </p>
        )}
        {owner ? (
          <PostForm c={c} action={consolePath(workspace, '/organisation/branding')} class="stack" multipart>
            <label for="branding-logo">
              {t('console.organisation.branding.logoFile', { size: LOGO_LIMIT_BYTES / 1024 })}
            </label>
            <input id="branding-logo" name="logo" type="file" accept="image/png,image/svg+xml" />
            {logo === null ? null : (
              <label class="choice" for="branding-remove-logo">
                <input id="branding-remove-logo" name="removeLogo" type="checkbox" value="yes" />{' '}
                {t('console.organisation.branding.removeLogo')}
              </label>
            )}
            <label for="branding-color">{t('console.organisation.branding.color')}</label>
            <input
              id="branding-color"
              name="brandColor"
              type="text"
              pattern="#[0-9a-fA-F]{6}"
              maxlength={7}
              placeholder="#1f4a7d"
              aria-describedby="branding-color-hint"
              value={value('brandColor')}
            />
            <p class="hint" id="branding-color-hint">
              {t('console.organisation.branding.colorHint')}
            </p>
            <p>
              <button type="submit">{t('console.organisation.branding.save')}</button>
            </p>
          </PostForm>
        ) : null}
      </section>
    </OrganisationLayout>
  );
}
