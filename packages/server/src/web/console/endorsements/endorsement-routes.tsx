import type { Context, Hono } from 'hono';
import { authorize } from '../../../domain/auth/actor.js';
import { resourceNotFound } from '../../../domain/auth/resource-not-found.js';
import type { Platform } from '../../../domain/platform.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import { doneNote } from '../../shared/done-note.js';
import { MAX_SEARCH } from '../../shared/endorse-search.js';
import { endorseWithComment, type NamedSubject } from '../../shared/endorse-with-comment.js';
import { UUID } from '../../shared/uuid.js';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { givenEndorsement, withdrawEndorsement } from '../../shared/withdraw-endorsement.js';
import { consolePath, consoleWorkspace } from '../console-context.js';
import {
  ConsoleEndorsementsPage,
  ConsoleEndorseReviewPage,
  ConsoleWithdrawEndorsementPage,
  type EndorseTarget,
} from './endorsement-pages.js';

const ENDORSEMENTS_DONE = {
  endorsed: 'console.endorsements.done.endorsed',
  withdrawn: 'endorsement.employer.done.withdrawn',
} as const satisfies Record<string, MessageKey>;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;
// Offered at once: the search narrows them by name.
const RESULTS = 20;
// Issuers on the platform are read at once to search them by name: a bounded list, as on the home page.
const ISSUER_LIMIT = 500;

/** The published achievement or the issuer a form or an address names (NOT_FOUND for anything else). */
async function targetOf(platform: Platform, named: NamedSubject): Promise<EndorseTarget> {
  if (named.achievement !== '') {
    if (!UUID.test(named.achievement)) throw resourceNotFound('achievement');
    const { achievement, issuer } = await platform.achievements.viewPublic(named.achievement);
    return { kind: 'achievement', achievement, issuer };
  }
  if (!SLUG.test(named.issuer)) throw resourceNotFound('issuer');
  const { issuer, did, achievements } = await platform.issuers.viewPublic(named.issuer);
  return {
    kind: 'issuer',
    issuer,
    did,
    achievements: achievements.map((item) => item.achievement),
  };
}

/**
 * `/console/{slug}/endorsements`: the endorsements the issuer gives (withdrawable after a confirmation)
 * and receives (on itself and on its achievements), and the search for another issuer's published
 * achievement or another issuer to endorse; `/endorsements/new?achievement=…|issuer=…` reviews one and
 * endorses it with a comment. Every member reads; the issuer role and up endorse and withdraw, as the use
 * cases allow.
 */
export function mountConsoleEndorsementRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/console/:slug/endorsements', async (c) => {
    const { workspace } = consoleWorkspace(c);
    const q = (c.req.query('q') ?? '').trim().slice(0, MAX_SEARCH);
    const [given, onAchievements, onIssuer, catalog, issuers] = await Promise.all([
      platform.endorsements.list({ endorserId: workspace.issuerId, includeWithdrawn: true }),
      platform.endorsements.list({ achievementIssuerId: workspace.issuerId }),
      platform.endorsements.list({ issuerId: workspace.issuerId }),
      platform.achievements.searchCatalog({ ...(q === '' ? {} : { q }), limit: RESULTS + 1 }),
      platform.issuers.listPublic({ limit: ISSUER_LIMIT }),
    ]);
    const words = q.toLocaleLowerCase();
    const received = [...onIssuer, ...onAchievements].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime(),
    );
    return c.html(
      <ConsoleEndorsementsPage
        c={c}
        workspace={workspace}
        given={given}
        received={received}
        q={q}
        // An issuer endorses neither itself nor its own achievements: they are not offered.
        achievements={catalog.entries
          .filter((entry) => entry.issuer.id !== workspace.issuerId)
          .slice(0, RESULTS)}
        issuers={issuers
          .filter(
            (issuer) => issuer.id !== workspace.issuerId && issuer.name.toLocaleLowerCase().includes(words),
          )
          .slice(0, RESULTS)}
        message={doneNote(c, ENDORSEMENTS_DONE)}
      />,
    );
  });

  async function renderReview(
    c: Context<WebEnv>,
    named: NamedSubject,
    refused?: { comment: string; message: string },
  ) {
    const { workspace } = consoleWorkspace(c);
    const target = await targetOf(platform, named);
    return c.html(
      <ConsoleEndorseReviewPage
        c={c}
        workspace={workspace}
        target={target}
        {...(refused === undefined ? {} : { comment: refused.comment, error: refused.message })}
      />,
      refused === undefined ? 200 : 400,
    );
  }

  web.get('/console/:slug/endorsements/new', (c) =>
    renderReview(c, {
      achievement: (c.req.query('achievement') ?? '').trim(),
      issuer: (c.req.query('issuer') ?? '').trim(),
    }),
  );

  web.post('/console/:slug/endorsements', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    // A viewer is refused before reading what they sent (403), as the use case would.
    authorize(actor, workspace.issuerId, 'issuer', { notFound: 'issuer' });
    const outcome = await endorseWithComment(c, platform, {
      actor,
      endorserId: workspace.issuerId,
      subjectOf: async (named) => {
        const target = await targetOf(platform, named);
        return target.kind === 'achievement'
          ? { achievementId: target.achievement.id }
          : { issuerId: target.issuer.id };
      },
    });
    if ('refused' in outcome) return renderReview(c, outcome.refused.named, outcome.refused);
    return c.redirect(`${consolePath(workspace, '/endorsements')}?done=${outcome.done}`, 303);
  });

  /** One of this issuer's endorsements in force, for one who may withdraw it (NOT_FOUND for any other). */
  async function endorsementOf(c: Context<WebEnv>) {
    const { actor, workspace } = consoleWorkspace(c);
    authorize(actor, workspace.issuerId, 'issuer', { notFound: 'issuer' });
    const endorsement = await givenEndorsement(platform, {
      id: c.req.param('endorsementId') ?? '',
      endorser: { kind: 'issuer', id: workspace.issuerId },
    });
    return { actor, workspace, endorsement };
  }

  web.get('/console/:slug/endorsements/:endorsementId/withdraw', async (c) => {
    const { workspace, endorsement } = await endorsementOf(c);
    return c.html(<ConsoleWithdrawEndorsementPage c={c} workspace={workspace} endorsement={endorsement} />);
  });

  web.post('/console/:slug/endorsements/:endorsementId/withdraw', async (c) => {
    const { actor, workspace, endorsement } = await endorsementOf(c);
    const outcome = await withdrawEndorsement(c, platform, { actor, endorsement });
    if ('refused' in outcome) {
      return c.html(
        <ConsoleWithdrawEndorsementPage
          c={c}
          workspace={workspace}
          endorsement={endorsement}
          reason={outcome.refused.reason}
          error={outcome.refused.message}
        />,
        400,
      );
    }
    return c.redirect(`${consolePath(workspace, '/endorsements')}?done=${outcome.done}`, 303);
  });
}
