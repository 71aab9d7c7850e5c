import type { Context } from 'hono';
import { PUBLIC_PROFILE_LIMITS, type PublicProfileProblem } from '../../domain/earner/public-profile.js';
import type { Earner } from '../../domain/ports/index.js';
import type { Translator } from '../../i18n/translate.js';
import { PostForm } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';

/** What the header form shows: the values as typed (kept after a refusal) and why they were refused. */
export interface PublicProfileForm {
  readonly headline: string;
  readonly links: readonly { readonly label: string; readonly url: string }[];
  readonly problems: readonly PublicProfileProblem[];
}

/** The form's rows: the earner's links, then empty rows up to the limit. */
export function publicProfileFormOf(earner: Earner): PublicProfileForm {
  return { headline: earner.headline ?? '', links: earner.links, problems: [] };
}

/** The words for one refusal, naming the link by its row as the form numbers it. */
export function problemText(t: Translator, problem: PublicProfileProblem): string {
  if (problem.field === 'headline') {
    return t('publicProfile.error.headlineTooLong', { max: PUBLIC_PROFILE_LIMITS.headline });
  }
  if (problem.field === 'links')
    return t('publicProfile.error.tooManyLinks', { max: PUBLIC_PROFILE_LIMITS.links });
  const number = problem.index + 1;
  switch (problem.problem) {
    case 'not-https':
      return t('publicProfile.error.notHttps', { number });
    case 'url-too-long':
      return t('publicProfile.error.urlTooLong', { number, max: PUBLIC_PROFILE_LIMITS.url });
    case 'label-too-long':
      return t('publicProfile.error.labelTooLong', { number, max: PUBLIC_PROFILE_LIMITS.label });
    case 'label-without-url':
      return t('publicProfile.error.labelWithoutUrl', { number });
  }
}

function FieldErrors(props: { readonly id: string; readonly messages: readonly string[] }) {
  if (props.messages.length === 0) return null;
  return (
    <p class="field-error" id={props.id}>
      {props.messages.join(' ')}
    </p>
  );
}

/** `/account/settings`: the headline and links of the public portfolio's header. */
export function PublicProfileSection(props: {
  readonly c: Context<WebEnv>;
  readonly form: PublicProfileForm;
}) {
  const { c, form } = props;
  const t = c.get('t');
  const headlineErrors = form.problems
    .filter((problem) => problem.field === 'headline')
    .map((p) => problemText(t, p));
  const listErrors = form.problems
    .filter((problem) => problem.field === 'links')
    .map((p) => problemText(t, p));
  const rows = Array.from({ length: PUBLIC_PROFILE_LIMITS.links }, (_, index) => ({
    index,
    label: form.links[index]?.label ?? '',
    url: form.links[index]?.url ?? '',
    errors: form.problems
      .filter((problem) => problem.field === 'link' && problem.index === index)
      .map((problem) => problemText(t, problem)),
  }));
  return (
    <section aria-labelledby="public-profile-heading">
      <h2 id="public-profile-heading">{t('publicProfile.heading')}</h2>
      <p class="hint">{t('publicProfile.lead')}</p>
      <PostForm c={c} action="/account/public-profile">
        <label for="headline">{t('publicProfile.headline')}</label>
        <input
          id="headline"
          type="text"
          name="headline"
          value={form.headline}
          maxlength={PUBLIC_PROFILE_LIMITS.headline}
          aria-invalid={headlineErrors.length > 0 ? 'true' : undefined}
          aria-describedby={headlineErrors.length > 0 ? 'headline-hint headline-error' : 'headline-hint'}
        />
        <p class="hint" id="headline-hint">
          {t('publicProfile.headlineHint', { max: PUBLIC_PROFILE_LIMITS.headline })}
        </p>
        <FieldErrors id="headline-error" messages={headlineErrors} />
        <p class="hint" id="links-hint">
          {t('publicProfile.linksHint', { max: PUBLIC_PROFILE_LIMITS.links })}
        </p>
        <FieldErrors id="links-error" messages={listErrors} />
        {rows.map((row) => {
          const number = row.index + 1;
          const errorId = `link-${number}-error`;
          const describedBy = row.errors.length > 0 ? `links-hint ${errorId}` : 'links-hint';
          return (
            <fieldset class="profile-link">
              <legend>{t('publicProfile.link', { number })}</legend>
              <div class="profile-link-field">
                <label for={`link-${number}-label`}>{t('publicProfile.linkLabel')}</label>
                <input
                  id={`link-${number}-label`}
                  type="text"
                  name={`link${number}Label`}
                  value={row.label}
                  maxlength={PUBLIC_PROFILE_LIMITS.label}
                  aria-describedby={describedBy}
                />
              </div>
              <div class="profile-link-field">
                <label for={`link-${number}-url`}>{t('publicProfile.linkUrl')}</label>
                <input
                  id={`link-${number}-url`}
                  type="url"
                  name={`link${number}Url`}
                  value={row.url}
                  maxlength={PUBLIC_PROFILE_LIMITS.url}
                  placeholder="https://"
                  aria-invalid={row.errors.length > 0 ? 'true' : undefined}
                  aria-describedby={describedBy}
                />
              </div>
              <FieldErrors id={errorId} messages={row.errors} />
            </fieldset>
          );
        })}
        <div class="actions">
          <button type="submit">{t('publicProfile.save')}</button>
        </div>
      </PostForm>
    </section>
  );
}
