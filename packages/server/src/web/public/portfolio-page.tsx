import type { Context } from 'hono';
import type { PublicPortfolio } from '../../domain/earner/portfolio.js';
import type { Earner, EarnerPhoto } from '../../domain/ports/index.js';
import { Layout } from '../shared/layout.js';
import { photoFileName } from '../shared/photo-file.js';
import type { WebEnv } from '../shared/web-env.js';
import { PortfolioCard } from './portfolio-card.js';
import { shareCardLink } from './share-card-routes.js';

const ESCO_SKILL = 'http://data.europa.eu/esco/skill/';

/** Up to two letters for the avatar: the first of the first and last words of the name. */
function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/[\s\-_.]+/u)
    .filter((word) => word !== '');
  const first = words[0];
  if (first === undefined) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return [first, last]
    .flatMap((word) => (word === undefined ? [] : [...word].slice(0, 1)))
    .join('')
    .toLocaleUpperCase();
}

/** The header's photo, or the initials in its place. */
function Avatar(props: {
  readonly earner: Earner;
  readonly photo: EarnerPhoto | null;
  readonly name: string;
}) {
  const { earner, photo } = props;
  if (photo === null || earner.handle === null) {
    return (
      <span class="portfolio-avatar" aria-hidden="true">
        {initialsOf(props.name)}
      </span>
    );
  }
  const url = (size: 'small' | 'large') => `/u/${earner.handle}/photo/${photoFileName(photo, size)}`;
  return (
    <img
      class="portfolio-avatar portfolio-photo"
      src={url('small')}
      srcset={`${url('large')} 2x`}
      alt={props.name}
      width="96"
      height="96"
    />
  );
}

function ProfileHeader(props: {
  readonly c: Context<WebEnv>;
  readonly earner: Earner;
  readonly photo: EarnerPhoto | null;
  readonly name: string;
  readonly isOwner: boolean;
}) {
  const { c, earner } = props;
  const t = c.get('t');
  return (
    <header class="portfolio-header">
      <Avatar earner={earner} photo={props.photo} name={props.name} />
      <div>
        <h1>{props.name}</h1>
        {earner.headline === null ? null : <p class="portfolio-headline">{earner.headline}</p>}
        {earner.links.length === 0 ? null : (
          <nav aria-label={t('portfolio.links')}>
            <ul class="portfolio-links">
              {earner.links.map((link) => (
                <li>
                  <a class="portfolio-link" href={link.url} rel="me nofollow noopener">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {props.isOwner ? (
          <p class="portfolio-owner-links">
            <a class="portfolio-link" href="/account/settings#public-profile-heading">
              {t('portfolio.editHeader')}
            </a>{' '}
            ·{' '}
            <a class="portfolio-link" href={`/u/${earner.handle}/pathways`}>
              {t('pathways.mine')}
            </a>
          </p>
        ) : null}
      </div>
    </header>
  );
}

/**
 * `/u/{handle}`: the earner's header, the credentials they feature, the certificates their pathways
 * awarded, every other credential once in a grid, and the skills those that verify prove.
 */
export function PublicPortfolioPage(props: {
  readonly c: Context<WebEnv>;
  readonly portfolio: PublicPortfolio;
  readonly pageUrl: string;
  readonly now: Date;
}) {
  const { c, portfolio, now } = props;
  const t = c.get('t');
  const { earner } = portfolio;
  const name = earner.displayName ?? earner.handle ?? '';
  const isOwner = c.get('earner')?.id === earner.id;
  const card = shareCardLink({ pageUrl: props.pageUrl, t, alt: t('shareCard.portfolioAlt', { name }) });
  const description = t('portfolio.description', {
    name,
    count: portfolio.items.length,
    verified: portfolio.verifiedCount,
  });
  return (
    <Layout
      c={c}
      title={t('portfolio.title', { name })}
      description={description}
      preview={{
        title: t('portfolio.title', { name }),
        description,
        url: props.pageUrl,
        image: card.url,
        card,
      }}
    >
      <ProfileHeader c={c} earner={earner} photo={portfolio.photo} name={name} isOwner={isOwner} />
      <p
        class="lead"
        data-portfolio-count={portfolio.items.length}
        data-portfolio-verified={portfolio.verifiedCount}
      >
        {portfolio.items.length === 0 ? t('portfolio.empty') : description}
      </p>
      {portfolio.featured.length === 0 ? null : (
        <section aria-labelledby="portfolio-featured">
          <h2 id="portfolio-featured">{t('portfolio.featured')}</h2>
          <div class="portfolio-grid featured">
            {portfolio.featured.map((item) => (
              <PortfolioCard c={c} item={item} now={now} size="featured" />
            ))}
          </div>
        </section>
      )}
      {portfolio.certificates.length === 0 ? null : (
        <section aria-labelledby="portfolio-certificates">
          <h2 id="portfolio-certificates">{t('portfolio.certificates')}</h2>
          <p class="muted">{t('portfolio.certificatesLead')}</p>
          <div class="portfolio-grid">
            {portfolio.certificates.map(({ item, pathway }) => (
              <PortfolioCard
                c={c}
                item={item}
                now={now}
                pathway={{
                  ...pathway,
                  href: isOwner ? `/u/${earner.handle}/pathways/${pathway.id}` : null,
                }}
              />
            ))}
          </div>
        </section>
      )}
      {portfolio.others.length === 0 ? null : (
        <section aria-labelledby="portfolio-credentials">
          <h2 id="portfolio-credentials">{t('portfolio.credentials')}</h2>
          <div class="portfolio-grid">
            {portfolio.others.map((item) => (
              <PortfolioCard c={c} item={item} now={now} />
            ))}
          </div>
        </section>
      )}
      {portfolio.skills.length === 0 ? null : (
        <section aria-labelledby="skills-summary">
          <h2 id="skills-summary">{t('portfolio.skills')}</h2>
          <p class="muted">{t('portfolio.skillsLead')}</p>
          <ul class="portfolio-skills">
            {portfolio.skills.map((skill) => (
              <li class="portfolio-skill" data-skill={skill.name}>
                {skill.url?.startsWith(ESCO_SKILL) === true ? (
                  <a href={`/skills/${skill.url.slice(ESCO_SKILL.length)}`}>{skill.name}</a>
                ) : (
                  <span>{skill.name}</span>
                )}{' '}
                <span class="muted">{t('portfolio.skillCount', { count: skill.evidence.length })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
