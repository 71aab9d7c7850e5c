import type { Context } from 'hono';
import type { EmployerWorkspace } from '../../domain/employer/employer-access.js';
import type { EndorsementRequestView } from '../../domain/endorsement/endorsement-requests.js';
import type { Achievement, Issuer } from '../../domain/ports/index.js';
import { EndorsementRequestReview } from '../shared/endorsement-request-review.js';
import { ReceivedRequestsTable } from '../shared/received-requests-table.js';
import type { WebEnv } from '../shared/web-env.js';
import { employerPath } from './employer-context.js';
import { EmployerLayout } from './employer-layout.js';
import { canEdit } from './saved-role-pages.js';

/** Requests the employer received, waiting or closed: each reviewed on its own page. */
function RequestTable(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly requests: readonly EndorsementRequestView[];
  readonly labelledBy: string;
  readonly state: 'pending' | 'answered';
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  return (
    <ReceivedRequestsTable
      c={c}
      requests={props.requests}
      labelledBy={props.labelledBy}
      marker={props.state}
      labels={{
        from: t('employer.endorsementRequests.from'),
        review: t('employer.endorsementRequests.review'),
      }}
      reviewHref={(request) => employerPath(workspace, `/endorsement-requests/${request.id}`)}
    />
  );
}

/** `/employer/{slug}/endorsement-requests`: what issuers asked, waiting first, then what is closed. */
export function EndorsementRequestsPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly requests: readonly EndorsementRequestView[];
  readonly message?: string | undefined;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  const pending = props.requests.filter((request) => request.state === 'pending');
  const answered = props.requests.filter((request) => request.state !== 'pending');
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={t('employer.endorsementRequests.title')}
      message={props.message}
    >
      <p class="lead">{t('employer.endorsementRequests.lead')}</p>
      {canEdit(workspace) ? null : <p class="hint">{t('employer.endorsementRequests.readOnly')}</p>}
      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading">{t('employer.endorsementRequests.pending')}</h2>
        {pending.length === 0 ? (
          <p data-requests-empty>{t('employer.endorsementRequests.nonePending')}</p>
        ) : (
          <RequestTable
            c={c}
            workspace={workspace}
            requests={pending}
            labelledBy="pending-heading"
            state="pending"
          />
        )}
      </section>
      {answered.length === 0 ? null : (
        <section aria-labelledby="answered-heading">
          <h2 id="answered-heading">{t('employer.endorsementRequests.answered')}</h2>
          <RequestTable
            c={c}
            workspace={workspace}
            requests={answered}
            labelledBy="answered-heading"
            state="answered"
          />
        </section>
      )}
    </EmployerLayout>
  );
}

/**
 * `/employer/{slug}/endorsement-requests/{id}`: the request reviewed and answered (`EndorsementRequestReview`);
 * a viewer, or a closed request, reads without the form.
 */
export function EndorsementRequestReviewPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly request: EndorsementRequestView;
  readonly achievement: Achievement;
  readonly issuer: Issuer | null;
  readonly comment?: string;
  readonly error?: string | undefined;
}) {
  const { c, workspace, request, achievement } = props;
  const t = c.get('t');
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={t('endorsementRequest.review.title', { name: achievement.name })}
      error={props.error}
      before={
        <p>
          <a href={employerPath(workspace, '/endorsement-requests')}>{t('endorsementRequest.review.back')}</a>
        </p>
      }
    >
      <EndorsementRequestReview
        c={c}
        request={request}
        achievement={achievement}
        issuer={props.issuer}
        action={employerPath(workspace, `/endorsement-requests/${request.id}`)}
        mayAnswer={canEdit(workspace)}
        readOnly={t('employer.endorsementRequests.readOnly')}
        comment={props.comment}
        invalid={props.error !== undefined}
      />
    </EmployerLayout>
  );
}
