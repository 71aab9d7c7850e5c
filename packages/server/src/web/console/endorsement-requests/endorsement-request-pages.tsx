import type { Context } from 'hono';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import type { EndorsementRequestView } from '../../../domain/endorsement/endorsement-requests.js';
import type { Achievement, Issuer } from '../../../domain/ports/index.js';
import { EndorsementRequestReview, REQUEST_STATE_LABELS } from '../../shared/endorsement-request-review.js';
import { PostForm } from '../../shared/layout.js';
import { Notes } from '../../shared/notes.js';
import { ReceivedRequestsTable } from '../../shared/received-requests-table.js';
import { TextAreaField } from '../../shared/text-area-field.js';
import type { WebEnv } from '../../shared/web-env.js';
import { consolePath } from '../console-context.js';
import { ConsoleLayout } from '../console-layout.js';

/** The domain's limit (EndorsementRequestInputSchema), so the page refuses what it would. */
export const MAX_MESSAGE = 2000;

/** Who an issuer may ask, by name. */
export interface RequestTargets {
  readonly employers: readonly { readonly id: string; readonly name: string }[];
  readonly issuers: readonly { readonly id: string; readonly name: string }[];
}

/** What the request form sends back when it is refused. */
export interface RequestFormValues {
  readonly achievementId: string;
  /** `employer:{id}` or `issuer:{id}`, or '' for an address. */
  readonly organisation: string;
  readonly email: string;
  readonly sample: string;
  readonly message: string;
}

/** The request form as it first shows, and again after a refusal that is not about what was typed. */
export const EMPTY_FORM: RequestFormValues = {
  achievementId: '',
  organisation: '',
  email: '',
  sample: '',
  message: '',
};

/** Whether a member of this role may ask (and cancel), and answer what is asked: the issuer role and up. */
export function mayAsk(workspace: Workspace): boolean {
  return workspace.role !== 'viewer';
}

function RequestForm(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly achievements: readonly Achievement[];
  readonly targets: RequestTargets;
  readonly values: RequestFormValues;
  readonly invalid: boolean;
}) {
  const { c, workspace, values } = props;
  const t = c.get('t');
  if (props.achievements.length === 0) {
    return <p class="hint">{t('console.endorsementRequests.form.noAchievement')}</p>;
  }
  return (
    <PostForm c={c} action={consolePath(workspace, '/endorsement-requests')} class="stack">
      <label for="request-achievement">{t('console.endorsementRequests.form.achievement')}</label>
      <select id="request-achievement" name="achievementId" required>
        {props.achievements.map((achievement) => (
          <option value={achievement.id} selected={achievement.id === values.achievementId}>
            {achievement.name}
          </option>
        ))}
      </select>
      <label for="request-organisation">{t('console.endorsementRequests.form.organisation')}</label>
      <select id="request-organisation" name="organisation">
        <option value="">{t('console.endorsementRequests.form.none')}</option>
        {props.targets.employers.length === 0 ? null : (
          <optgroup label={t('console.endorsementRequests.form.employers')}>
            {props.targets.employers.map((employer) => (
              <option
                value={`employer:${employer.id}`}
                selected={values.organisation === `employer:${employer.id}`}
              >
                {employer.name}
              </option>
            ))}
          </optgroup>
        )}
        {props.targets.issuers.length === 0 ? null : (
          <optgroup label={t('console.endorsementRequests.form.issuers')}>
            {props.targets.issuers.map((issuer) => (
              <option value={`issuer:${issuer.id}`} selected={values.organisation === `issuer:${issuer.id}`}>
                {issuer.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <label for="request-email">{t('console.endorsementRequests.form.email')}</label>
      <p class="hint" id="request-email-hint">
        {t('console.endorsementRequests.form.emailHint')}
      </p>
      <input
        id="request-email"
        name="email"
        type="email"
        maxlength={320}
        value={values.email}
        aria-describedby="request-email-hint"
      />
      <label for="request-sample">{t('console.endorsementRequests.form.sample')}</label>
      <p class="hint" id="request-sample-hint">
        {t('console.endorsementRequests.form.sampleHint')}
      </p>
      <input
        id="request-sample"
        name="sample"
        type="text"
        maxlength={500}
        value={values.sample}
        aria-describedby="request-sample-hint"
      />
      <TextAreaField
        id="request-message"
        name="message"
        label={t('console.endorsementRequests.form.message')}
        hint={t('console.endorsementRequests.form.messageHint', { max: MAX_MESSAGE })}
        rows={4}
        maxLength={MAX_MESSAGE}
        invalid={props.invalid}
        value={values.message}
      />
      <p>
        <button type="submit">{t('console.endorsementRequests.form.submit')}</button>
      </p>
    </PostForm>
  );
}

function OrganisationName(props: { readonly c: Context<WebEnv>; readonly request: EndorsementRequestView }) {
  const { request } = props;
  if (request.target.kind !== 'email') return <>{request.target.name}</>;
  return <>{props.c.get('t')('console.endorsementRequests.invited', { email: request.target.name })}</>;
}

/**
 * `/console/{slug}/endorsement-requests`: ask an organisation to endorse a published achievement, follow
 * what was asked (and cancel what is pending), and see what other issuers asked of this one (each reviewed
 * and answered on its own page).
 */
export function ConsoleEndorsementRequestsPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly achievements: readonly Achievement[];
  readonly targets: RequestTargets;
  readonly outgoing: readonly EndorsementRequestView[];
  readonly incoming: readonly EndorsementRequestView[];
  readonly values?: RequestFormValues;
  readonly message?: string | undefined;
  readonly error?: string | undefined;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  const title = t('console.endorsementRequests.title');
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <h1>{title}</h1>
      <Notes message={props.message} error={props.error} />
      <p class="lead">{t('console.endorsementRequests.lead')}</p>
      {mayAsk(workspace) ? (
        <section aria-labelledby="ask-heading">
          <h2 id="ask-heading">{t('console.endorsementRequests.form.heading')}</h2>
          <RequestForm
            c={c}
            workspace={workspace}
            achievements={props.achievements}
            targets={props.targets}
            values={props.values ?? EMPTY_FORM}
            invalid={props.error !== undefined}
          />
        </section>
      ) : (
        <p class="hint">{t('console.endorsementRequests.readOnly')}</p>
      )}
      <section aria-labelledby="outgoing-heading">
        <h2 id="outgoing-heading">{t('console.endorsementRequests.outgoing')}</h2>
        {props.outgoing.length === 0 ? (
          <p data-requests-empty>{t('console.endorsementRequests.noneSent')}</p>
        ) : (
          <div class="table-scroll">
            <table class="data stack" aria-labelledby="outgoing-heading" data-requests="outgoing">
              <thead>
                <tr>
                  <th scope="col">{t('endorsementRequest.achievement')}</th>
                  <th scope="col">{t('console.endorsementRequests.organisation')}</th>
                  <th scope="col">{t('endorsementRequest.date')}</th>
                  <th scope="col">{t('endorsementRequest.state')}</th>
                  <th scope="col">{t('endorsementRequest.response')}</th>
                  <th scope="col">{t('endorsementRequest.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {props.outgoing.map((request) => (
                  <tr data-request={request.id}>
                    <th scope="row">{request.achievement.name}</th>
                    <td data-label={t('console.endorsementRequests.organisation')}>
                      <OrganisationName c={c} request={request} />
                    </td>
                    <td data-label={t('endorsementRequest.date')}>{t.date(request.createdAt)}</td>
                    <td data-label={t('endorsementRequest.state')} data-request-state={request.state}>
                      {t(REQUEST_STATE_LABELS[request.state])}
                    </td>
                    <td data-label={t('endorsementRequest.response')} class="endorsement-comment">
                      {request.responseComment ?? ''}
                    </td>
                    <td>
                      {request.endorsementId === null ? null : (
                        <a href={`/endorsements/${request.endorsementId}`}>
                          {t('console.endorsementRequests.endorsement')}
                          <span class="visually-hidden"> {request.achievement.name}</span>
                        </a>
                      )}
                      {request.state === 'pending' && mayAsk(workspace) ? (
                        <PostForm
                          c={c}
                          action={consolePath(workspace, `/endorsement-requests/${request.id}/cancel`)}
                          class="inline"
                        >
                          <button type="submit" class="secondary">
                            {t('console.endorsementRequests.cancel')}
                            <span class="visually-hidden"> {request.achievement.name}</span>
                          </button>
                        </PostForm>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {props.incoming.length === 0 ? null : (
        <section aria-labelledby="incoming-heading">
          <h2 id="incoming-heading">{t('console.endorsementRequests.incoming')}</h2>
          <p class="hint">{t('console.endorsementRequests.incomingHint')}</p>
          <ReceivedRequestsTable
            c={c}
            requests={props.incoming}
            labelledBy="incoming-heading"
            marker="incoming"
            labels={{
              from: t('console.endorsementRequests.from'),
              review: t('console.endorsementRequests.review'),
            }}
            reviewHref={(request) => consolePath(workspace, `/endorsement-requests/${request.id}`)}
          />
        </section>
      )}
    </ConsoleLayout>
  );
}

/**
 * `/console/{slug}/endorsement-requests/{id}`: a request another issuer sent this one, reviewed and
 * answered as an employer does (`EndorsementRequestReview`); a viewer, or a closed request, reads it only.
 */
export function ConsoleEndorsementRequestReviewPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly request: EndorsementRequestView;
  readonly achievement: Achievement;
  readonly issuer: Issuer | null;
  readonly comment?: string;
  readonly error?: string | undefined;
}) {
  const { c, workspace, request, achievement } = props;
  const t = c.get('t');
  const title = t('endorsementRequest.review.title', { name: achievement.name });
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <p>
        <a href={consolePath(workspace, '/endorsement-requests')}>{t('endorsementRequest.review.back')}</a>
      </p>
      <h1>{title}</h1>
      <Notes message={undefined} error={props.error} />
      <EndorsementRequestReview
        c={c}
        request={request}
        achievement={achievement}
        issuer={props.issuer}
        action={consolePath(workspace, `/endorsement-requests/${request.id}`)}
        mayAnswer={mayAsk(workspace)}
        readOnly={t('console.endorsementRequests.answerReadOnly')}
        comment={props.comment}
        invalid={props.error !== undefined}
      />
    </ConsoleLayout>
  );
}
