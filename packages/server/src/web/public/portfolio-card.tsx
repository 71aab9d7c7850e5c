import type { Context } from 'hono';
import type { PortfolioItem } from '../../domain/earner/portfolio.js';
import { itemLinks } from '../shared/credential-card.js';
import { readCredentialFields } from '../shared/credential-fields.js';
import { credentialStateWords } from '../shared/credential-state.js';
import { StandingBadge } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';

const BRAND_COLOR = /^#[0-9a-f]{6}$/;

/** The date the issuer says it awarded the credential (an import's own claim, or when it was imported). */
function issuedOn(item: PortfolioItem): Date {
  if (item.kind === 'issued') return item.credential.issuedAt;
  return readCredentialFields(item.imported.document).validFrom ?? item.imported.importedAt;
}

/**
 * One credential on the public portfolio: badge, name, issuer, date, and its state when it does not verify
 * as valid, so a revoked credential is never passed off as a good one. A stripe in the issuer's colour
 * (an SVG fill: the CSP allows no inline style).
 */
export function PortfolioCard(props: {
  readonly c: Context<WebEnv>;
  readonly item: PortfolioItem;
  readonly now: Date;
  readonly size?: 'featured';
  readonly pathway?: { readonly id: string; readonly name: string; readonly href: string | null };
}) {
  const { c, item } = props;
  const t = c.get('t');
  const links = itemLinks(item);
  const date = issuedOn(item);
  const brand = item.kind === 'issued' ? (item.issuer?.brandColor ?? null) : null;
  const state =
    item.kind === 'issued' && item.standing !== 'verified'
      ? credentialStateWords(t, item.credential, props.now)
      : null;
  return (
    <article
      class={`card portfolio-card${props.size === 'featured' ? ' featured' : ''}`}
      data-credential={item.kind === 'issued' ? item.credential.id : item.imported.id}
      data-standing={item.standing}
    >
      {brand === null || !BRAND_COLOR.test(brand) ? null : (
        <svg
          class="portfolio-brand"
          aria-hidden="true"
          focusable="false"
          viewBox="0 0 100 1"
          preserveAspectRatio="none"
          data-brand-color={brand}
        >
          <rect width="100" height="1" fill={brand} />
        </svg>
      )}
      <div class="portfolio-card-body">
        {links.image === null ? (
          <span class="portfolio-badge placeholder" aria-hidden="true" />
        ) : (
          <img class="portfolio-badge" src={links.image} alt="" width="96" height="96" loading="lazy" />
        )}
        <div>
          <h3>
            <a href={links.href}>{links.name}</a>
          </h3>
          <p class="portfolio-issuer">
            {links.issuer}
            {item.kind === 'imported' ? ` · ${t('imported.label')}` : ''}
          </p>
          <p class="muted">
            <time datetime={date.toISOString()}>{t('portfolio.issuedOn', { date: t.date(date) })}</time>
          </p>
          {props.pathway === undefined ? null : (
            <p class="portfolio-pathway">
              {props.pathway.href === null ? (
                t('portfolio.pathway', { name: props.pathway.name })
              ) : (
                <a href={props.pathway.href}>{t('portfolio.pathway', { name: props.pathway.name })}</a>
              )}
            </p>
          )}
          {item.standing === 'verified' ? null : (
            <p>
              <StandingBadge c={c} standing={item.standing} />
              {state === null ? null : <span class="portfolio-state-detail"> {state.detail}</span>}
            </p>
          )}
        </div>
      </div>
    </article>
  );
}
