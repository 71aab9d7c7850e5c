import type { Context, Hono } from 'hono';
import { resourceNotFound } from '../../domain/auth/resource-not-found.js';
import { authorizeEmployer } from '../../domain/employer/employer-access.js';
import { ANSWER_DONE, answerEndorsementRequest } from '../shared/answer-endorsement-request.js';
import { doneNote } from '../shared/done-note.js';
import { UUID } from '../shared/uuid.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { employerPath, employerWorkspace } from './employer-context.js';
import { EndorsementRequestReviewPage, EndorsementRequestsPage } from './endorsement-request-pages.js';

/**
 * `/employer/{slug}/endorsement-requests`: the requests issuers sent this employer (or an address its staff
 * proved); `/{id}` reviews one and answers it: endorse with a comment, decline, or comment alone. Every
 * member reads; recruiters and owners answer: the use cases refuse anyone else.
 */
export function mountEndorsementRequestRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/employer/:slug/endorsement-requests', async (c) => {
    const { actor, workspace } = employerWorkspace(c);
    const requests = await platform.endorsementRequests.list(actor, {
      direction: 'incoming',
      organisationId: workspace.employerId,
    });
    return c.html(
      <EndorsementRequestsPage
        c={c}
        workspace={workspace}
        requests={requests}
        message={doneNote(c, ANSWER_DONE)}
      />,
    );
  });

  async function renderReview(c: Context<WebEnv>, refused?: { comment: string; message: string }) {
    const { actor, workspace } = employerWorkspace(c);
    const id = c.req.param('requestId') ?? '';
    if (!UUID.test(id)) throw resourceNotFound('endorsement request');
    const request = await platform.endorsementRequests.get(actor, id);
    const { achievement, issuer } = await platform.achievements.viewPublic(request.achievementId);
    return c.html(
      <EndorsementRequestReviewPage
        c={c}
        workspace={workspace}
        request={request}
        achievement={achievement}
        issuer={issuer}
        {...(refused === undefined ? {} : { comment: refused.comment, error: refused.message })}
      />,
      refused === undefined ? 200 : 400,
    );
  }

  web.get('/employer/:slug/endorsement-requests/:requestId', (c) => renderReview(c));

  web.post('/employer/:slug/endorsement-requests/:requestId', async (c) => {
    const { actor, workspace } = employerWorkspace(c);
    // A viewer is refused before reading what they sent (403), as the use case would.
    authorizeEmployer(actor, workspace.employerId, 'recruiter');
    const id = c.req.param('requestId');
    if (!UUID.test(id)) throw resourceNotFound('endorsement request');
    const answer = await answerEndorsementRequest(c, platform, actor, id);
    if ('refused' in answer) return renderReview(c, answer.refused);
    return c.redirect(`${employerPath(workspace, '/endorsement-requests')}?done=${answer.done}`, 303);
  });
}
