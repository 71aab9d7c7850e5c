import type { Context } from 'hono';
import type { PathwayMembership } from '../../domain/achievement/public-achievements.js';
import type { EndorsementView } from '../../domain/endorsement/endorsements.js';
import type { Achievement, Issuer } from '../../domain/ports/index.js';
import {
  AchievementCriteria,
  AchievementFacts,
  AchievementSkills,
  achievementTexts,
} from '../shared/achievement-summary.js';
import { achievementTypeWords } from '../shared/achievement-words.js';
import { BadgeImage } from '../shared/badge-image.js';
import { Layout } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';
import { EndorsementLine } from './endorsement-pages.js';
import { shareCardLink } from './share-card-routes.js';

function VerifiedMark(props: { readonly c: Context<WebEnv>; readonly issuer: Issuer }) {
  const t = props.c.get('t');
  return props.issuer.verified ? (
    <span class="standing standing-verified" title={t('issuer.verifiedExplained')}>
      {t('issuer.verified')}
    </span>
  ) : (
    <span class="hint">{t('issuer.notVerified')}</span>
  );
}

/** Who vouches for an achievement or an issuer: each "Endorsed by X — “comment”", linked to its page. */
function EndorsementsSection(props: {
  readonly c: Context<WebEnv>;
  readonly endorsements: readonly EndorsementView[];
  readonly lead?: string;
}) {
  const { c } = props;
  if (props.endorsements.length === 0) return null;
  return (
    <section aria-labelledby="endorsements-heading">
      <h2 id="endorsements-heading">{c.get('t')('endorsement.section')}</h2>
      {props.lead === undefined ? null : <p class="hint">{props.lead}</p>}
      <ul class="endorsements" data-endorsements>
        {props.endorsements.map((endorsement) => (
          <li data-endorsement={endorsement.id}>
            <EndorsementLine c={c} endorsement={endorsement} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `/issuers/{slug}`: who the issuer is, who endorses it as a whole, and what it awards. */
export function IssuerPage(props: {
  readonly c: Context<WebEnv>;
  readonly issuer: Issuer;
  readonly did: string;
  readonly achievements: readonly { readonly achievement: Achievement; readonly earners: number }[];
  /** The endorsements in force of the issuer itself (not of its achievements, shown on their pages). */
  readonly endorsements: readonly EndorsementView[];
}) {
  const { c, issuer } = props;
  const t = c.get('t');
  return (
    <Layout c={c} title={issuer.name} description={issuer.description ?? issuer.name}>
      <h1>{issuer.name}</h1>
      <p>
        <VerifiedMark c={c} issuer={issuer} />
      </p>
      {issuer.linkedDomain === null ? null : (
        <p data-linked-domain={issuer.linkedDomain}>
          {t('trust.mark.domainLinked', { domain: new URL(issuer.linkedDomain).host })}
        </p>
      )}
      {issuer.description === null ? null : <p class="lead">{issuer.description}</p>}
      <dl class="facts">
        {issuer.url === null ? null : (
          <>
            <dt>{t('issuer.website')}</dt>
            <dd>
              <a href={issuer.url} rel="nofollow noopener" class="identifier">
                {issuer.url}
              </a>
            </dd>
          </>
        )}
        <dt>{t('issuer.did')}</dt>
        <dd>
          <code class="identifier">{props.did}</code>
        </dd>
      </dl>
      <EndorsementsSection c={c} endorsements={props.endorsements} lead={t('issuer.endorsements.lead')} />
      <h2>{t('issuer.achievements')}</h2>
      {props.achievements.length === 0 ? (
        <p>{t('issuer.noAchievements')}</p>
      ) : (
        <div class="grid">
          {props.achievements.map(({ achievement, earners }) => (
            <article class="card credential-card">
              <img src={`/achievements/${achievement.id}/image`} alt="" width="64" height="64" />
              <div>
                <h3>
                  <a href={`/achievements/${achievement.id}`}>{achievement.name}</a>
                </h3>
                <p class="muted">
                  {achievementTypeWords(t, achievement.achievementType)}
                  {achievement.level === null ? '' : ` · ${achievement.level}`}
                </p>
                <p>{t('achievement.earners', { count: earners })}</p>
              </div>
            </article>
          ))}
        </div>
      )}
    </Layout>
  );
}

/** `/achievements/{id}` for browsers: criteria, skills, how many hold it, and who endorses it. */
export function AchievementPage(props: {
  readonly c: Context<WebEnv>;
  readonly achievement: Achievement;
  readonly issuer: Issuer | null;
  readonly earners: number;
  readonly pathways: readonly PathwayMembership[];
  /** Its endorsements in force. */
  readonly endorsements: readonly EndorsementView[];
  /** Its absolute URL, for the share preview. */
  readonly pageUrl?: string;
}) {
  const { c, achievement, issuer } = props;
  const t = c.get('t');
  const { description } = achievementTexts(achievement);
  const issuerName = issuer?.name ?? '';
  const card =
    props.pageUrl === undefined
      ? undefined
      : shareCardLink({
          pageUrl: props.pageUrl,
          t,
          alt: t('shareCard.achievementAlt', { name: achievement.name, issuer: issuerName }),
        });
  const preview =
    card === undefined || props.pageUrl === undefined
      ? undefined
      : {
          title: achievement.name,
          description: description ?? achievement.name,
          url: props.pageUrl,
          image: card.url,
          card,
        };
  return (
    <Layout
      c={c}
      title={achievement.name}
      description={description ?? achievement.name}
      {...(preview === undefined ? {} : { preview })}
    >
      <div class="hero">
        <BadgeImage t={t} src={`/achievements/${achievement.id}/image`} name={achievement.name} />
        <div>
          <h1>{achievement.name}</h1>
          {description === null ? null : <p class="lead">{description}</p>}
          <AchievementFacts c={c} achievement={achievement} issuer={issuer} earners={props.earners} />
        </div>
      </div>
      <EndorsementsSection c={c} endorsements={props.endorsements} />
      <AchievementCriteria c={c} achievement={achievement} />
      {props.pathways.length === 0 ? null : (
        <section aria-labelledby="pathways-heading">
          <h2 id="pathways-heading">{t('achievement.pathways')}</h2>
          <p>{t('achievement.pathwaysLead')}</p>
          <ul data-pathways>
            {props.pathways.map((pathway) => (
              <li>
                <strong>{pathway.name}</strong>
                {pathway.description === null ? null : <span class="muted"> — {pathway.description}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <AchievementSkills c={c} achievement={achievement} />
    </Layout>
  );
}
