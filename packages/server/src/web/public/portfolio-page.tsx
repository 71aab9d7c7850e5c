import type { Context } from 'hono';
import type { PortfolioItem, PublicPortfolio } from '../../domain/earner/portfolio.js';
import { CredentialCard } from '../shared/credential-card.js';
import { readCredentialFields } from '../shared/credential-fields.js';
import { Layout } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';
import { shareCardLink } from './share-card-routes.js';

function skillsOf(item: PortfolioItem): string[] {
  const document = item.kind === 'issued' ? item.credential.document : item.imported.document;
  return readCredentialFields(document).skills.map((skill) => skill.name);
}

/** `/u/{handle}`: public credentials grouped by skill, with a summary of skills and their counts. */
export function PublicPortfolioPage(props: {
  readonly c: Context<WebEnv>;
  readonly portfolio: PublicPortfolio;
  readonly pageUrl: string;
}) {
  const { c, portfolio } = props;
  const t = c.get('t');
  const name = portfolio.earner.displayName ?? portfolio.earner.handle ?? '';
  const groups = new Map<string, PortfolioItem[]>();
  for (const item of portfolio.items) {
    const skills = skillsOf(item);
    for (const skill of skills.length === 0 ? [t('portfolio.otherSkills')] : skills) {
      groups.set(skill, [...(groups.get(skill) ?? []), item]);
    }
  }
  const card = shareCardLink({ pageUrl: props.pageUrl, t, alt: t('shareCard.portfolioAlt', { name }) });
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  return (
    <Layout
      c={c}
      title={t('portfolio.title', { name })}
      description={t('portfolio.description', { name, count: portfolio.items.length })}
      preview={{
        title: t('portfolio.title', { name }),
        description: t('portfolio.description', { name, count: portfolio.items.length }),
        url: props.pageUrl,
        image: card.url,
        card,
      }}
    >
      <h1>{t('portfolio.title', { name })}</h1>
      <p class="lead">{t('portfolio.description', { name, count: portfolio.items.length })}</p>
      {portfolio.items.length === 0 ? (
        <p>{t('portfolio.empty')}</p>
      ) : (
        <>
          <section aria-labelledby="skills-summary">
            <h2 id="skills-summary">{t('portfolio.skills')}</h2>
            <ul class="skills">
              {sorted.map(([skill, items]) => (
                <li>
                  <a href={`#skill-${encodeURIComponent(skill)}`}>{skill}</a> ({items.length})
                </li>
              ))}
            </ul>
          </section>
          {sorted.map(([skill, items]) => (
            <section aria-labelledby={`skill-${encodeURIComponent(skill)}`}>
              <h2 id={`skill-${encodeURIComponent(skill)}`}>{skill}</h2>
              <div class="grid">
                {items.map((item) => (
                  <CredentialCard c={c} item={item} />
                ))}
              </div>
            </section>
          ))}
        </>
      )}
      {c.get('earner')?.id === portfolio.earner.id ? (
        <p>
          <a href={`/u/${portfolio.earner.handle}/pathways`}>{t('pathways.mine')}</a>
        </p>
      ) : null}
    </Layout>
  );
}
