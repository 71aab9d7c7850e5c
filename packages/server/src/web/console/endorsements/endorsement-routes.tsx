import type { Context, Hono } from 'hono';
import { authorize } from '../../../domain/auth/actor.js';
import { resourceNotFound } from '../../../domain/auth/resource-not-found.js';
import type { Platform } from '../../../domain/platform.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import { correctableMessage } from '../../shared/user-message.js';
import { formField, readForm } from '../../shared/web-context.js';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { consolePath, consoleWorkspace } from '../console-context.js';
import {
  ConsoleEndorsementsPage,
  ConsoleEndorseReviewPage,
  ConsoleWithdrawEndorsementPage,
  type EndorseTarget,
  MAX_COMMENT,
  MAX_REASON,
  MAX_SEARCH,
} from './endorsement-pages.js';

const DONE = {
  endorsed: 'console.endorsements.done.endorsed',
  withdrawn: 'endorsement.employer.done.withdrawn',
} as const satisfies Record<string, MessageKey>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;
// Offered at once: the search narrows them by name.
const RESULTS = 20;
// Issuers on the platform are read at once to search them by name: a bounded list, as on the home page.
const ISSUER_LIMIT = 500;

function doneNote(c: Context<WebEnv>): string | undefined {
  const done = c.req.query('done');
  return done === undefined || !Object.hasOwn(DONE, done)
    ? undefined
    : c.get('t')(DONE[done as keyof typeof DONE]);
}

/** The published achievement or the issuer a form or an address names (NOT_FOUND for anything else). */
async function targetOf(
  platform: Platform,
  named: { readonly achievement: string; readonly issuer: string },
): Promise<EndorseTarget> {
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
        message={doneNote(c)}
      />,
    );
  });

  async function renderReview(
    c: Context<WebEnv>,
    named: { readonly achievement: string; readonly issuer: string },
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
    const t = c.get('t');
    const form = await readForm(c);
    const named = {
      achievement: formField(form, 'achievement').trim(),
      issuer: formField(form, 'issuer').trim(),
    };
    const comment = formField(form, 'comment').trim();
    if (comment === '') {
      return renderReview(c, named, { comment, message: t('endorsement.form.required') });
    }
    // Counted as the use case counts it, so that the page refuses exactly what it would.
    if (comment.length > MAX_COMMENT) {
      return renderReview(c, named, {
        comment,
        message: t('endorsement.form.tooLong', { count: comment.length, max: MAX_COMMENT }),
      });
    }
    const target = await targetOf(platform, named);
    try {
      await platform.endorsements.endorse(actor, {
        endorserId: workspace.issuerId,
        comment,
        ...(target.kind === 'achievement'
          ? { achievementId: target.achievement.id }
          : { issuerId: target.issuer.id }),
      });
    } catch (error) {
      const message = correctableMessage(error, t);
      if (message === null) throw error;
      return renderReview(c, named, { comment, message });
    }
    return c.redirect(`${consolePath(workspace, '/endorsements')}?done=endorsed`, 303);
  });

  /** One of this issuer's endorsements in force, for one who may withdraw it (NOT_FOUND for any other). */
  async function endorsementOf(c: Context<WebEnv>) {
    const { actor, workspace } = consoleWorkspace(c);
    authorize(actor, workspace.issuerId, 'issuer', { notFound: 'issuer' });
    const id = c.req.param('endorsementId') ?? '';
    if (!UUID.test(id)) throw resourceNotFound('endorsement');
    const endorsement = await platform.endorsements.get(id);
    if (
      endorsement.endorser.kind !== 'issuer' ||
      endorsement.endorser.id !== workspace.issuerId ||
      endorsement.withdrawnAt !== null
    ) {
      throw resourceNotFound('endorsement');
    }
    return { actor, workspace, endorsement };
  }

  web.get('/console/:slug/endorsements/:endorsementId/withdraw', async (c) => {
    const { workspace, endorsement } = await endorsementOf(c);
    return c.html(<ConsoleWithdrawEndorsementPage c={c} workspace={workspace} endorsement={endorsement} />);
  });

  web.post('/console/:slug/endorsements/:endorsementId/withdraw', async (c) => {
    const { actor, workspace, endorsement } = await endorsementOf(c);
    const t = c.get('t');
    const reason = formField(await readForm(c), 'reason').trim();
    if (reason.length > MAX_REASON) {
      return c.html(
        <ConsoleWithdrawEndorsementPage
          c={c}
          workspace={workspace}
          endorsement={endorsement}
          reason={reason}
          error={t('endorsement.withdraw.tooLong', { count: reason.length, max: MAX_REASON })}
        />,
        400,
      );
    }
    await platform.endorsements.withdraw(actor, endorsement.id, reason === '' ? {} : { reason });
    return c.redirect(`${consolePath(workspace, '/endorsements')}?done=withdrawn`, 303);
  });
}
