import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { LearnerPathway } from '../../domain/earner/learner-pathways.js';
import type { NodeProgress, PathwayProgress } from '../../domain/pathway/engine/evaluate-pathway.js';
import type { PathwayWithVersion } from '../../domain/ports/index.js';
import { Layout, PostForm } from '../shared/layout.js';
import { describeRule } from '../shared/pathway-diagram/describe-rule.js';
import { type PathwayDiagramInput, stepsOf } from '../shared/pathway-diagram/pathway-node-view.js';
import { PathwayStepList } from '../shared/pathway-diagram/pathway-step-list.js';
import { renderPathwayDiagram } from '../shared/pathway-diagram/render-pathway-diagram.js';
import type { WebEnv } from '../shared/web-env.js';

/**
 * How far along a pathway is, as a person counts: "2 of 3 steps done" for a pathway of steps (never
 * "66%"), the percentage only where the rule is an amount (credits, hours).
 */
function progressWords(c: Context<WebEnv>, progress: PathwayProgress): string {
  const t = c.get('t');
  if (progress.met) return t('pathway.complete');
  const steps = stepsOf(progress.root);
  if (steps !== null) return t('pathway.stepsDone', { done: steps.done, total: steps.total });
  return t('pathway.percent', { percent: Math.floor(progress.percent) });
}

/**
 * The credential the earner holds for one of the pathway's awards (its completion or a milestone), if it
 * stands: awarded, and neither its award nor the credential itself withdrawn since.
 */
function awardedCredentialId(item: LearnerPathway, achievementId: string): string | null {
  const { assessment } = item;
  const award = assessment.awards.find(
    (candidate) =>
      candidate.state === 'active' &&
      candidate.achievementId === achievementId &&
      assessment.credentials.get(candidate.credentialId)?.revokedAt == null,
  );
  return award?.credentialId ?? null;
}

function awardedCertificateId(item: LearnerPathway): string | null {
  return awardedCredentialId(item, item.assessment.version.rules.completionAchievementId);
}

/**
 * `/account/pathways` (and, for an earner with a public handle, `/u/{handle}/pathways`): the pathways the
 * earner is on, and the others to follow. `base` is the list's own address.
 */
export function PathwaysPage(props: {
  c: Context<WebEnv>;
  base: string;
  mine: readonly LearnerPathway[];
  all: readonly PathwayWithVersion[];
}) {
  const { c } = props;
  const t = c.get('t');
  const mineIds = new Set(props.mine.map((item) => item.pathway.pathway.id));
  const followable = props.all.filter((pathway) => !mineIds.has(pathway.pathway.id));
  return (
    <Layout c={c} title={t('pathways.title')}>
      <h1>{t('pathways.title')}</h1>
      {props.mine.length === 0 ? (
        <p>{t('pathways.none')}</p>
      ) : (
        <ul class="grid" aria-label={t('pathways.title')}>
          {props.mine.map((item) => (
            <li class="card" data-pathway={item.pathway.pathway.id}>
              <h2>
                <a href={`${props.base}/${item.pathway.pathway.id}`}>{item.pathway.pathway.name}</a>
              </h2>
              <p>
                <progress
                  max={100}
                  value={item.assessment.progress.percent}
                  aria-label={t('pathway.progressOf', { name: item.pathway.pathway.name })}
                ></progress>{' '}
                {progressWords(c, item.assessment.progress)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {followable.length === 0 ? null : (
        <section aria-labelledby="follow-heading">
          <h2 id="follow-heading">{t('pathways.follow')}</h2>
          <ul class="plain-list">
            {followable.map((pathway) => (
              <li>
                {pathway.pathway.name}{' '}
                <PostForm c={c} action={`/account/pathways/${pathway.pathway.id}/follow`} class="inline">
                  <button type="submit" class="secondary">
                    {t('pathways.followButton')}
                    <span class="visually-hidden"> {pathway.pathway.name}</span>
                  </button>
                </PostForm>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}

/**
 * `{base}/{id}`: one pathway's progress, as a diagram (a list on a narrow screen) whose achievements lead
 * to their pages, and as the steps still open; once complete, the way to the certificate earned.
 */
export function PathwayPage(props: {
  c: Context<WebEnv>;
  base: string;
  item: LearnerPathway;
  names: ReadonlyMap<string, string>;
}) {
  const { c, item, names } = props;
  const t = c.get('t');
  const progress = item.assessment.progress;
  const name = (id: string) => names.get(id) ?? t('pathway.unknownAchievement');
  const certificateId = awardedCertificateId(item);
  const linkOf = (node: NodeProgress): string | null => {
    if (node.type === 'achievement' && node.achievementId !== null)
      return `/achievements/${node.achievementId}`;
    if (node.path === progress.root.path && certificateId !== null) return `/credentials/${certificateId}`;
    // A milestone the earner was awarded leads to that credential, as the completion does.
    const milestone =
      node.milestoneAchievementId === null ? null : awardedCredentialId(item, node.milestoneAchievementId);
    return milestone === null ? null : `/credentials/${milestone}`;
  };
  const diagramInput: PathwayDiagramInput = {
    progress,
    achievementName: name,
    linkOf,
    labels: {
      done: t('pathway.state.done'),
      inProgress: t('pathway.state.inProgress'),
      missing: t('pathway.state.missing'),
      blocked: t('pathway.state.blocked'),
      title: item.pathway.pathway.name,
      describeRule: (node) => describeRule(c, node),
      stepsDone: (done, total) => t('pathway.stepsDone', { done, total }),
    },
  };
  const diagram = renderPathwayDiagram(diagramInput);
  const open = progress.nodes.filter((node) => !node.met && node.children.length > 0);
  return (
    <Layout c={c} title={item.pathway.pathway.name}>
      <p>
        <a href={props.base}>{t('pathways.title')}</a>
      </p>
      <h1>{item.pathway.pathway.name}</h1>
      {item.pathway.pathway.description === null ? null : (
        <p class="lead">{item.pathway.pathway.description}</p>
      )}
      <p data-pathway-percent={progress.percent}>
        <progress
          max={100}
          value={progress.percent}
          aria-label={t('pathway.progressOf', { name: item.pathway.pathway.name })}
        ></progress>{' '}
        {progressWords(c, progress)}
      </p>
      {certificateId === null ? null : (
        <p>
          <a href={`/credentials/${certificateId}`}>{t('pathway.certificate')}</a>
        </p>
      )}
      <div class="diagram">
        {raw(diagram)}
        <PathwayStepList input={diagramInput} />
      </div>
      {progress.met ? null : (
        <section aria-labelledby="next-heading">
          <h2 id="next-heading">{t('pathway.next')}</h2>
          {progress.root.completingAchievementIds.length > 0 ? (
            <p>
              {t('pathway.oneMore')}
              {t('punctuation.colon')}
              {progress.root.completingAchievementIds.map(name).join(', ')}
            </p>
          ) : null}
          <table>
            <thead>
              <tr>
                <th scope="col">{t('pathway.step')}</th>
                <th scope="col">{t('pathway.missing')}</th>
                <th scope="col">{t('pathway.completes')}</th>
              </tr>
            </thead>
            <tbody>
              {open.map((node) => (
                <tr>
                  <td>{node.name ?? describeRule(c, node)}</td>
                  <td>{node.missingAchievementIds.map(name).join(', ') || '—'}</td>
                  <td>{node.completingAchievementIds.map(name).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <div class="actions">
        {/* Nothing left to follow on a completed pathway; one already followed can still be let go. */}
        {progress.met && !item.followed ? null : (
          <PostForm
            c={c}
            action={`/account/pathways/${item.pathway.pathway.id}/${item.followed ? 'unfollow' : 'follow'}`}
          >
            <button type="submit" class="secondary">
              {item.followed ? t('pathways.unfollowButton') : t('pathways.followButton')}
            </button>
          </PostForm>
        )}
        <a class="button secondary" href={`/pathways/${item.pathway.pathway.id}`}>
          {t('pathway.document')}
        </a>
      </div>
    </Layout>
  );
}
