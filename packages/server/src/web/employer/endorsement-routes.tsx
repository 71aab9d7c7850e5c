import type { Context, Hono } from 'hono';
import { resourceNotFound } from '../../domain/auth/resource-not-found.js';
import { authorizeEmployer } from '../../domain/employer/employer-access.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { doneNote } from '../shared/done-note.js';
import { MAX_SEARCH } from '../shared/endorse-search.js';
import { endorseWithComment } from '../shared/endorse-with-comment.js';
import { UUID } from '../shared/uuid.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { givenEndorsement, withdrawEndorsement } from '../shared/withdraw-endorsement.js';
import { employerPath, employerWorkspace } from './employer-context.js';
import { EndorsementsPage, EndorseReviewPage, WithdrawEndorsementPage } from './endorsement-pages.js';

const ENDORSEMENTS_DONE = {
  endorsed: 'endorsement.employer.done.endorsed',
  withdrawn: 'endorsement.employer.done.withdrawn',
} as const satisfies Record<string, MessageKey>;

// Achievements offered at once: the search narrows them by name.
const RESULTS = 20;

/**
 * `/employer/{slug}/endorsements`: the employer's endorsements (in force and withdrawn) and the published
 * achievements it could endorse; `/endorsements/new?achievement=…` reviews one and endorses it with a
 * comment; `/endorsements/{id}/withdraw` takes one back after a confirmation. Every member reads;
 * recruiters and owners endorse and withdraw: the use cases refuse anyone else.
 */
export function mountEndorsementRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/employer/:slug/endorsements', async (c) => {
    const { workspace } = employerWorkspace(c);
    const q = (c.req.query('q') ?? '').trim().slice(0, MAX_SEARCH);
    const [endorsements, result] = await Promise.all([
      platform.endorsements.list({ endorserId: workspace.employerId, includeWithdrawn: true }),
      platform.achievements.searchCatalog({ ...(q === '' ? {} : { q }), limit: RESULTS }),
    ]);
    return c.html(
      <EndorsementsPage
        c={c}
        workspace={workspace}
        endorsements={endorsements}
        q={q}
        result={result}
        message={doneNote(c, ENDORSEMENTS_DONE)}
      />,
    );
  });

  /** The published achievement a form or an address names (NOT_FOUND for anything else). */
  async function achievementOf(id: string) {
    if (!UUID.test(id)) throw resourceNotFound('achievement');
    return platform.achievements.viewPublic(id);
  }

  async function renderReview(
    c: Context<WebEnv>,
    id: string,
    refused?: { comment: string; message: string },
  ) {
    const { workspace } = employerWorkspace(c);
    const { achievement, issuer } = await achievementOf(id);
    return c.html(
      <EndorseReviewPage
        c={c}
        workspace={workspace}
        achievement={achievement}
        issuer={issuer}
        {...(refused === undefined ? {} : { comment: refused.comment, error: refused.message })}
      />,
      refused === undefined ? 200 : 400,
    );
  }

  web.get('/employer/:slug/endorsements/new', (c) =>
    renderReview(c, (c.req.query('achievement') ?? '').trim()),
  );

  web.post('/employer/:slug/endorsements', async (c) => {
    const { actor, workspace } = employerWorkspace(c);
    // A viewer is refused before reading what they sent (403), as the use case would.
    authorizeEmployer(actor, workspace.employerId, 'recruiter');
    const outcome = await endorseWithComment(c, platform, {
      actor,
      endorserId: workspace.employerId,
      // An employer endorses achievements only: the issuer field is not on its form.
      subjectOf: async ({ achievement }) => {
        await achievementOf(achievement);
        return { achievementId: achievement };
      },
    });
    if ('refused' in outcome) return renderReview(c, outcome.refused.named.achievement, outcome.refused);
    return c.redirect(`${employerPath(workspace, '/endorsements')}?done=${outcome.done}`, 303);
  });

  /** One of this employer's endorsements in force, for one who may withdraw it (NOT_FOUND for any other). */
  async function endorsementOf(c: Context<WebEnv>) {
    const { actor, workspace } = employerWorkspace(c);
    authorizeEmployer(actor, workspace.employerId, 'recruiter');
    const endorsement = await givenEndorsement(platform, {
      id: c.req.param('endorsementId') ?? '',
      endorser: { kind: 'employer', id: workspace.employerId },
    });
    return { actor, workspace, endorsement };
  }

  web.get('/employer/:slug/endorsements/:endorsementId/withdraw', async (c) => {
    const { workspace, endorsement } = await endorsementOf(c);
    return c.html(<WithdrawEndorsementPage c={c} workspace={workspace} endorsement={endorsement} />);
  });

  web.post('/employer/:slug/endorsements/:endorsementId/withdraw', async (c) => {
    const { actor, workspace, endorsement } = await endorsementOf(c);
    const outcome = await withdrawEndorsement(c, platform, { actor, endorsement });
    if ('refused' in outcome) {
      return c.html(
        <WithdrawEndorsementPage
          c={c}
          workspace={workspace}
          endorsement={endorsement}
          reason={outcome.refused.reason}
          error={outcome.refused.message}
        />,
        400,
      );
    }
    return c.redirect(`${employerPath(workspace, '/endorsements')}?done=${outcome.done}`, 303);
  });
}
