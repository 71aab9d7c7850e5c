import type { Context } from 'hono';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import type { IssuerView } from '../../../domain/issuer/manage-issuers.js';
import { PostForm } from '../../shared/layout.js';
import type { WebEnv } from '../../shared/web-env.js';
import { consolePath } from '../console-context.js';
import { OrganisationLayout } from './organisation-layout.js';

/** The web origin of the issuer's website, or null when it has none (or it does not parse). */
export function websiteOrigin(issuer: IssuerView): string | null {
  try {
    return issuer.url === null ? null : new URL(issuer.url).origin;
  } catch {
    return null;
  }
}

/**
 * `/console/{slug}/organisation/domain`: the issuer proves its website is its own (DIF Well-Known DID
 * Configuration): download the file, publish it on the site, then let the platform check it.
 */
export function DomainPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly issuer: IssuerView;
  readonly message?: string | undefined;
  readonly error?: string | undefined;
}) {
  const { c, workspace, issuer } = props;
  const t = c.get('t');
  const origin = websiteOrigin(issuer);
  const base = consolePath(workspace, '/organisation/domain');
  return (
    <OrganisationLayout
      c={c}
      workspace={workspace}
      title={t('console.trust.domain.title')}
      message={props.message}
      error={props.error}
    >
      <p class="lead">{t('console.trust.domain.lead')}</p>
      <p data-domain-linked={issuer.linkedDomain === null ? 'no' : 'yes'}>
        {issuer.linkedDomain === null || issuer.domainLinkedAt === null
          ? t('console.trust.domain.notLinked')
          : t('console.trust.domain.linked', {
              domain: issuer.linkedDomain,
              date: t.date(issuer.domainLinkedAt),
            })}
      </p>
      {origin === null ? (
        <p>
          {t('console.trust.domain.noWebsite')}{' '}
          <a href={consolePath(workspace, '/organisation')}>{t('console.organisation.menu.profile')}</a>
        </p>
      ) : (
        <ol class="stack">
          <li>
            <a href={`${base}/did-configuration.json`} download="did-configuration.json">
              {t('console.trust.domain.download')}
            </a>
          </li>
          <li>
            {t('console.trust.domain.publish')} <code>{`${origin}/.well-known/did-configuration.json`}</code>
          </li>
          <li>
            <PostForm c={c} action={`${base}/check`} class="inline">
              <button type="submit">{t('console.trust.domain.check')}</button>
            </PostForm>
          </li>
        </ol>
      )}
    </OrganisationLayout>
  );
}
