import type { Context, Hono } from 'hono';
import type { Actor } from '../../../domain/auth/actor.js';
import { resourceNotFound } from '../../../domain/auth/resource-not-found.js';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import { ServerError, ServerErrorCode } from '../../../domain/error/server-error.js';
import type { Platform } from '../../../domain/platform.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import { ANSWER_DONE, answerEndorsementRequest } from '../../shared/answer-endorsement-request.js';
import { doneNote } from '../../shared/done-note.js';
import { correctableMessage } from '../../shared/user-message.js';
import { UUID } from '../../shared/uuid.js';
import { formField, readForm } from '../../shared/web-context.js';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { consolePath, consoleWorkspace } from '../console-context.js';
import {
  ConsoleEndorsementRequestReviewPage,
  ConsoleEndorsementRequestsPage,
  EMPTY_FORM,
  MAX_MESSAGE,
  mayAsk,
  type RequestFormValues,
} from './endorsement-request-pages.js';

// The id a credential's address ends with (`/credentials/{id}`), or the id alone.
const CREDENTIAL_ID =
  /(?:^|\/credentials\/)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

const REQUESTS_DONE = {
  requested: 'console.endorsementRequests.done.requested',
  cancelled: 'console.endorsementRequests.done.cancelled',
  ...ANSWER_DONE,
} as const satisfies Record<string, MessageKey>;

/** The workspace of a step that changes something: refused to a viewer before the body is read. */
function askingWorkspace(
  c: Context<WebEnv>,
  step = 'asking for an endorsement',
): { actor: Actor; workspace: Workspace } {
  const access = consoleWorkspace(c);
  if (!mayAsk(access.workspace)) {
    throw new ServerError(ServerErrorCode.FORBIDDEN, `${step} needs the issuer or owner role`);
  }
  return access;
}

/**
 * Request `id` when it is addressed to the workspace's issuer; NOT_FOUND otherwise, one it sent included.
 * The use cases check it for a member; the administrator, who may answer for any organisation, answers
 * here only for the issuer whose console this is.
 */
async function receivedRequest(
  platform: Platform,
  access: { actor: Actor; workspace: Workspace },
  id: string,
) {
  if (!UUID.test(id)) throw resourceNotFound('endorsement request');
  const request = await platform.endorsementRequests.get(access.actor, id);
  if (request.target.kind !== 'issuer' || request.target.id !== access.workspace.issuerId) {
    throw resourceNotFound('endorsement request');
  }
  return request;
}

/**
 * `/console/{slug}/endorsement-requests`: an issuer's staff ask an employer, another issuer or an address to
 * endorse one of its published achievements, follow each request's state and cancel pending ones; requests
 * other issuers sent this one are listed too, and `/{id}` reviews one and answers it (endorse with a
 * comment, decline, or comment alone), as an employer does. Every member reads; the issuer role and up
 * ask, cancel and answer.
 */
export function mountConsoleEndorsementRequestRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  async function render(
    c: Context<WebEnv>,
    access: { actor: Actor; workspace: Workspace },
    refused?: { values: RequestFormValues; error: string },
  ) {
    const { actor, workspace } = access;
    const [achievements, targets, outgoing, incoming] = await Promise.all([
      platform.achievements.list(actor, { issuerId: workspace.issuerId, status: 'published', limit: 500 }),
      platform.endorsementRequests.targets(actor, workspace.issuerId),
      platform.endorsementRequests.list(actor, { direction: 'outgoing', organisationId: workspace.issuerId }),
      platform.endorsementRequests.list(actor, { direction: 'incoming', organisationId: workspace.issuerId }),
    ]);
    return c.html(
      <ConsoleEndorsementRequestsPage
        c={c}
        workspace={workspace}
        achievements={achievements}
        targets={targets}
        outgoing={outgoing}
        incoming={incoming}
        message={doneNote(c, REQUESTS_DONE)}
        {...(refused === undefined ? {} : { values: refused.values, error: refused.error })}
      />,
      refused === undefined ? 200 : 400,
    );
  }

  web.get('/console/:slug/endorsement-requests', (c) => render(c, consoleWorkspace(c)));

  web.post('/console/:slug/endorsement-requests', async (c) => {
    const access = askingWorkspace(c);
    const t = c.get('t');
    const form = await readForm(c);
    const values: RequestFormValues = {
      achievementId: formField(form, 'achievementId').trim(),
      organisation: formField(form, 'organisation').trim(),
      email: formField(form, 'email').trim(),
      sample: formField(form, 'sample').trim(),
      message: formField(form, 'message').trim(),
    };
    const refuse = (error: string) => render(c, access, { values, error });
    const [kind, organisationId = ''] = values.organisation.split(':');
    const target =
      values.organisation === ''
        ? values.email === ''
          ? null
          : { email: values.email }
        : values.email !== ''
          ? null
          : kind === 'employer'
            ? { employerId: organisationId }
            : kind === 'issuer'
              ? { issuerId: organisationId }
              : null;
    if (target === null) return refuse(t('console.endorsementRequests.form.pickOne'));
    // Counted as the use case counts it, so that the page refuses exactly what it would.
    if (values.message.length > MAX_MESSAGE) {
      return refuse(t('endorsementRequest.tooLong', { count: values.message.length, max: MAX_MESSAGE }));
    }
    const sampleId = values.sample === '' ? undefined : CREDENTIAL_ID.exec(values.sample)?.[1];
    if (values.sample !== '' && sampleId === undefined) {
      return refuse(t('console.endorsementRequests.form.badSample'));
    }
    try {
      await platform.endorsementRequests.request(
        access.actor,
        {
          achievementId: values.achievementId,
          ...target,
          message: values.message,
          ...(sampleId === undefined ? {} : { sampleCredentialId: sampleId }),
        },
        { locale: t.locale },
      );
    } catch (error) {
      const message = correctableMessage(error, t);
      if (message === null) throw error;
      return refuse(message);
    }
    return c.redirect(`${consolePath(access.workspace, '/endorsement-requests')}?done=requested`, 303);
  });

  web.post('/console/:slug/endorsement-requests/:requestId/cancel', async (c) => {
    const { actor, workspace } = askingWorkspace(c);
    const id = c.req.param('requestId');
    if (!UUID.test(id)) throw resourceNotFound('endorsement request');
    await readForm(c);
    try {
      await platform.endorsementRequests.cancel(actor, id);
    } catch (error) {
      const message = correctableMessage(error, c.get('t'));
      if (message === null) throw error;
      return render(c, { actor, workspace }, { values: EMPTY_FORM, error: message });
    }
    return c.redirect(`${consolePath(workspace, '/endorsement-requests')}?done=cancelled`, 303);
  });

  async function renderReview(c: Context<WebEnv>, refused?: { comment: string; message: string }) {
    const access = consoleWorkspace(c);
    const request = await receivedRequest(platform, access, c.req.param('requestId') ?? '');
    const { achievement, issuer } = await platform.achievements.viewPublic(request.achievementId);
    return c.html(
      <ConsoleEndorsementRequestReviewPage
        c={c}
        workspace={access.workspace}
        request={request}
        achievement={achievement}
        issuer={issuer}
        {...(refused === undefined ? {} : { comment: refused.comment, error: refused.message })}
      />,
      refused === undefined ? 200 : 400,
    );
  }

  web.get('/console/:slug/endorsement-requests/:requestId', (c) => renderReview(c));

  web.post('/console/:slug/endorsement-requests/:requestId', async (c) => {
    const access = askingWorkspace(c, 'answering a request');
    const request = await receivedRequest(platform, access, c.req.param('requestId'));
    const answer = await answerEndorsementRequest(c, platform, access.actor, request.id);
    if ('refused' in answer) return renderReview(c, answer.refused);
    return c.redirect(`${consolePath(access.workspace, '/endorsement-requests')}?done=${answer.done}`, 303);
  });
}
