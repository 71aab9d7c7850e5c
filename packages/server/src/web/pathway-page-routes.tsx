import { type Context, Hono } from 'hono';
import { raw } from 'hono/html';
import type { LearnerPathway } from '../domain/earner/learner-pathways.js';
import { ServerError, ServerErrorCode } from '../domain/error/server-error.js';
import type { NodeProgress } from '../domain/pathway/evaluate-pathway.js';
import type { Platform } from '../domain/platform.js';
import type { PathwayWithVersion } from '../domain/ports/index.js';
import { Layout, PostForm } from './layout.js';
import { renderPathwayDiagram } from './pathway-diagram/render-pathway-diagram.js';
import { readForm, requireEarner } from './web-context.js';
import type { WebEnv } from './web-env.js';

function describeRule(c: Context<WebEnv>, node: NodeProgress): string {
  const t = c.get('t');
  switch (node.type) {
    case 'all-of':
      return t('pathway.rule.all');
    case 'n-of':
      return t('pathway.rule.nOf', { n: node.threshold ?? 0, m: node.children.length });
    case 'credits-at-least':
      return t('pathway.rule.credits', { n: node.threshold ?? 0 });
    case 'hours-at-least':
      return t('pathway.rule.hours', { n: node.threshold ?? 0 });
    default:
      return node.name ?? t('pathway.rule.step');
  }
}

function achievementNames(platform: Platform, pathway: PathwayWithVersion): Promise<Map<string, string>> {
  return platform.achievements.names([
    ...pathway.version.requiredAchievementIds,
    ...pathway.version.milestoneAchievementIds,
  ]);
}

/** The pathway pages are the earner's own: progress reveals every credential, public or not. */
function ownerOf(c: Context<WebEnv>, handle: string) {
  const earner = requireEarner(c);
  if (earner.handle !== handle.toLowerCase())
    throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such page');
  return earner;
}

function PathwaysPage(props: {
  c: Context<WebEnv>;
  handle: string;
  mine: readonly LearnerPathway[];
  all: readonly PathwayWithVersion[];
}) {
  const { c } = props;
  const t = c.get('t');
  const mineIds = new Set(props.mine.map((item) => item.pathway.pathway.id));
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
                <a href={`/u/${props.handle}/pathways/${item.pathway.pathway.id}`}>
                  {item.pathway.pathway.name}
                </a>
              </h2>
              <p>
                <progress
                  max={100}
                  value={item.assessment.progress.percent}
                  aria-label={t('pathway.progressOf', { name: item.pathway.pathway.name })}
                ></progress>{' '}
                {item.assessment.progress.met
                  ? t('pathway.complete')
                  : t('pathway.percent', { percent: item.assessment.progress.percent })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('pathways.follow')}</h2>
      <ul>
        {props.all
          .filter((pathway) => !mineIds.has(pathway.pathway.id))
          .map((pathway) => (
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
    </Layout>
  );
}

function PathwayPage(props: {
  c: Context<WebEnv>;
  handle: string;
  item: LearnerPathway;
  names: ReadonlyMap<string, string>;
}) {
  const { c, item, names } = props;
  const t = c.get('t');
  const progress = item.assessment.progress;
  const name = (id: string) => names.get(id) ?? t('pathway.unknownAchievement');
  const diagram = renderPathwayDiagram({
    progress,
    achievementName: name,
    labels: {
      done: t('pathway.state.done'),
      inProgress: t('pathway.state.inProgress'),
      missing: t('pathway.state.missing'),
      blocked: t('pathway.state.blocked'),
      title: item.pathway.pathway.name,
      describeRule: (node) => describeRule(c, node),
    },
  });
  const open = progress.nodes.filter((node) => !node.met && node.children.length > 0);
  return (
    <Layout c={c} title={item.pathway.pathway.name}>
      <p>
        <a href={`/u/${props.handle}/pathways`}>{t('pathways.title')}</a>
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
        {progress.met ? t('pathway.complete') : t('pathway.percent', { percent: progress.percent })}
      </p>
      <div class="diagram">{raw(diagram)}</div>
      {progress.met ? null : (
        <section aria-labelledby="next-heading">
          <h2 id="next-heading">{t('pathway.next')}</h2>
          {progress.root.completingAchievementIds.length > 0 ? (
            <p>
              {t('pathway.oneMore')}: {progress.root.completingAchievementIds.map(name).join(', ')}
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
        <PostForm
          c={c}
          action={`/account/pathways/${item.pathway.pathway.id}/${item.followed ? 'unfollow' : 'follow'}`}
        >
          <button type="submit" class="secondary">
            {item.followed ? t('pathways.unfollowButton') : t('pathways.followButton')}
          </button>
        </PostForm>
        <a class="button secondary" href={`/pathways/${item.pathway.pathway.id}`}>
          {t('pathway.document')}
        </a>
      </div>
    </Layout>
  );
}

/** Issue #5's learner view: the pathways an earner is on, and each one's progress diagram. */
export function pathwayPageRoutes(deps: { readonly platform: Platform }): Hono<WebEnv> {
  const { platform } = deps;
  const pages = new Hono<WebEnv>();

  pages.get('/u/:handle/pathways', async (c) => {
    const earner = ownerOf(c, c.req.param('handle'));
    const [mine, all] = await Promise.all([
      platform.earners.pathways(earner.id),
      platform.earners.followablePathways(),
    ]);
    return c.html(<PathwaysPage c={c} handle={c.req.param('handle')} mine={mine} all={all} />);
  });

  pages.get('/u/:handle/pathways/:id', async (c) => {
    const earner = ownerOf(c, c.req.param('handle'));
    const item = await platform.earners.pathway(earner.id, c.req.param('id'));
    const names = await achievementNames(platform, item.pathway);
    return c.html(<PathwayPage c={c} handle={c.req.param('handle')} item={item} names={names} />);
  });

  for (const action of ['follow', 'unfollow'] as const) {
    pages.post(`/account/pathways/:id/${action}`, async (c) => {
      const earner = requireEarner(c);
      await readForm(c);
      const id = c.req.param('id');
      await platform.pathways.document(null, id);
      if (action === 'follow') await platform.earners.follow(earner.id, id);
      else await platform.earners.unfollow(earner.id, id);
      return c.redirect(earner.handle === null ? '/account' : `/u/${earner.handle}/pathways/${id}`, 303);
    });
  }
  return pages;
}
