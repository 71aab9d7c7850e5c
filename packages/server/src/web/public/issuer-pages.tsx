import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { PathwayMembership } from '../../domain/achievement/public-achievements.js';
import type { Achievement, Issuer } from '../../domain/ports/index.js';
import { BadgeImage } from '../shared/badge-image.js';
import { Layout } from '../shared/layout.js';
import { renderMarkdown } from '../shared/render/render-markdown.js';
import type { WebEnv } from '../shared/web-env.js';

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

/** `/issuers/{slug}`: who the issuer is and what it awards. */
export function IssuerPage(props: {
  readonly c: Context<WebEnv>;
  readonly issuer: Issuer;
  readonly did: string;
  readonly achievements: readonly { readonly achievement: Achievement; readonly earners: number }[];
}) {
  const { c, issuer } = props;
  const t = c.get('t');
  return (
    <Layout c={c} title={issuer.name} description={issuer.description ?? issuer.name}>
      <h1>{issuer.name}</h1>
      <p>
        <VerifiedMark c={c} issuer={issuer} />
      </p>
      {issuer.description === null ? null : <p class="lead">{issuer.description}</p>}
      <dl class="facts">
        {issuer.url === null ? null : (
          <>
            <dt>{t('issuer.website')}</dt>
            <dd>
              <a href={issuer.url} rel="nofollow noopener">
                {issuer.url}
              </a>
            </dd>
          </>
        )}
        <dt>{t('issuer.did')}</dt>
        <dd>
          <code>{props.did}</code>
        </dd>
      </dl>
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
                  {achievement.achievementType}
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

/** `/achievements/{id}` for browsers: criteria, skills, and how many hold it. */
export function AchievementPage(props: {
  readonly c: Context<WebEnv>;
  readonly achievement: Achievement;
  readonly issuer: Issuer | null;
  readonly earners: number;
  readonly pathways: readonly PathwayMembership[];
}) {
  const { c, achievement, issuer } = props;
  const t = c.get('t');
  const document = achievement.document as { description?: unknown; criteria?: { narrative?: unknown } };
  const description = typeof document.description === 'string' ? document.description : null;
  const criteria = typeof document.criteria?.narrative === 'string' ? document.criteria.narrative : null;
  return (
    <Layout c={c} title={achievement.name} description={description ?? achievement.name}>
      <div class="hero">
        <BadgeImage t={t} src={`/achievements/${achievement.id}/image`} name={achievement.name} />
        <div>
          <h1>{achievement.name}</h1>
          {description === null ? null : <p class="lead">{description}</p>}
          <dl class="facts">
            <dt>{t('credential.issuer')}</dt>
            <dd>{issuer === null ? '—' : <a href={`/issuers/${issuer.slug}`}>{issuer.name}</a>}</dd>
            <dt>{t('credential.type')}</dt>
            <dd>{achievement.achievementType}</dd>
            {achievement.level === null ? null : (
              <>
                <dt>{t('achievement.level')}</dt>
                <dd>{achievement.level}</dd>
              </>
            )}
            {achievement.hours === null ? null : (
              <>
                <dt>{t('achievement.hours')}</dt>
                <dd>{achievement.hours}</dd>
              </>
            )}
            {achievement.credits === null ? null : (
              <>
                <dt>{t('achievement.credits')}</dt>
                <dd>{achievement.credits}</dd>
              </>
            )}
            {achievement.deliveryMode === null ? null : (
              <>
                <dt>{t('achievement.delivery')}</dt>
                <dd>{achievement.deliveryMode}</dd>
              </>
            )}
            {achievement.industry === null ? null : (
              <>
                <dt>{t('achievement.industry')}</dt>
                <dd>{achievement.industry}</dd>
              </>
            )}
            <dt>{t('achievement.holders')}</dt>
            <dd data-earners={props.earners}>{t('achievement.earners', { count: props.earners })}</dd>
          </dl>
        </div>
      </div>
      {criteria === null ? null : (
        <section aria-labelledby="criteria-heading">
          <h2 id="criteria-heading">{t('achievement.howToEarn')}</h2>
          <div class="markdown">{raw(renderMarkdown(criteria))}</div>
        </section>
      )}
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
      {achievement.skills.length === 0 ? null : (
        <section aria-labelledby="skills-heading">
          <h2 id="skills-heading">{t('credential.skills')}</h2>
          <ul class="skills">
            {achievement.skills.map((skill) => (
              <li>{skill.name}</li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
