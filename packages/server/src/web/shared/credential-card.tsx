import type { Context } from 'hono';
import type { PortfolioItem } from '../../domain/earner/portfolio.js';
import { readCredentialFields } from './credential-fields.js';
import { StandingBadge } from './layout.js';
import type { WebEnv } from './web-env.js';

/** Where an item's page and image are. */
export function itemLinks(item: PortfolioItem): {
  href: string;
  image: string | null;
  name: string;
  issuer: string;
} {
  if (item.kind === 'issued') {
    const fields = readCredentialFields(item.credential.document);
    return {
      href: `/credentials/${item.credential.id}`,
      image: `/achievements/${item.credential.achievementId}/image`,
      name: fields.name,
      issuer: item.issuer?.name ?? fields.issuerName,
    };
  }
  const fields = readCredentialFields(item.imported.document);
  return {
    href: `/imported/${item.imported.id}`,
    image: fields.image,
    name: fields.name,
    issuer: fields.issuerName,
  };
}

export function CredentialCard(props: {
  readonly c: Context<WebEnv>;
  readonly item: PortfolioItem;
  readonly children?: unknown;
}) {
  const { c, item } = props;
  const t = c.get('t');
  const links = itemLinks(item);
  return (
    <article
      class="card credential-card"
      data-credential={item.kind === 'issued' ? item.credential.id : item.imported.id}
    >
      {links.image === null ? null : <img src={links.image} alt="" width="64" height="64" />}
      <div>
        <h3>
          <a href={links.href}>{links.name}</a>
        </h3>
        <p class="muted">
          {links.issuer}
          {item.kind === 'imported' ? ` · ${t('imported.label')}` : ''}
        </p>
        <p>
          <StandingBadge c={c} standing={item.standing} />
        </p>
        {props.children}
      </div>
    </article>
  );
}
