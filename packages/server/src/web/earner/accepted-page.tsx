import type { Context } from 'hono';
import type { IssuedItem } from '../../domain/earner/portfolio.js';
import { itemLinks } from '../shared/credential-card.js';
import { Layout, PostForm } from '../shared/layout.js';
import { linkedInAddToProfileUrl } from '../shared/render/linkedin-url.js';
import { ShareLink } from '../shared/share-link.js';
import type { WebEnv } from '../shared/web-env.js';

/**
 * `/account/credentials/{id}/accepted`: where accepting a credential lands, from the claim mail or the
 * account. The moment an earner is most willing to show it, so the ways to show it come first.
 */
export function AcceptedPage(props: {
  readonly c: Context<WebEnv>;
  readonly item: IssuedItem;
  /** The credential's public address on this platform. */
  readonly pageUrl: string;
}) {
  const { c, item } = props;
  const t = c.get('t');
  const links = itemLinks(item);
  const id = item.credential.id;
  const shareable = item.visibility === 'public' && item.standing === 'verified';
  const linkedIn = linkedInAddToProfileUrl({
    name: links.name,
    organizationId: item.issuer?.linkedinOrganizationId ?? null,
    organizationName: links.issuer,
    issuedAt: item.credential.issuedAt,
    expiresAt: item.credential.validUntil,
    certUrl: props.pageUrl,
    certId: id,
  });
  return (
    <Layout c={c} title={t('accepted.title')}>
      <section class="celebration" aria-labelledby="accepted-heading" data-accepted={id}>
        {links.image === null ? null : <img src={links.image} alt="" width="160" height="160" />}
        <div>
          <h1 id="accepted-heading">{t('accepted.title')}</h1>
          <p class="lead">{t('accepted.lead', { name: links.name, issuer: links.issuer })}</p>
        </div>
      </section>
      <section aria-labelledby="accepted-next">
        <h2 id="accepted-next">{t('accepted.next')}</h2>
        {shareable ? (
          <>
            <div class="actions">
              <a
                class="button"
                href={linkedIn}
                data-linkedin-add
                data-beacon={`/credentials/${id}/events/linkedin-add`}
                rel="noopener"
                target="_blank"
              >
                {t('accepted.linkedin')}
              </a>
              <a class="button secondary" href={links.href}>
                {t('accepted.page')}
              </a>
            </div>
            <p class="hint">{t('accepted.pageHint')}</p>
            <ShareLink
              c={c}
              credentialId={id}
              url={props.pageUrl}
              title={links.name}
              text={t('share.text', { name: links.name, issuer: links.issuer })}
            />
          </>
        ) : (
          <>
            <p>{t('accepted.private')}</p>
            <PostForm c={c} action={`/account/credentials/${id}`}>
              <input type="hidden" name="visibility" value="public" />
              <button type="submit">{t('accepted.makePublic')}</button>
            </PostForm>
          </>
        )}
        <p>
          <a href="/account">{t('accepted.all')}</a>
        </p>
      </section>
    </Layout>
  );
}
