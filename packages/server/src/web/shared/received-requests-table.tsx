import type { Context } from 'hono';
import type { EndorsementRequestView } from '../../domain/endorsement/endorsement-requests.js';
import { REQUEST_STATE_LABELS } from './endorsement-request-review.js';
import type { WebEnv } from './web-env.js';

/**
 * Endorsement requests an organisation received (the console and the employer workspace alike): who asks,
 * for which achievement, with what message, and the link to review and answer each.
 */
export function ReceivedRequestsTable(props: {
  readonly c: Context<WebEnv>;
  readonly requests: readonly EndorsementRequestView[];
  readonly labelledBy: string;
  /** The table's `data-requests`: which of the page's lists it is. */
  readonly marker: string;
  readonly labels: { readonly from: string; readonly review: string };
  readonly reviewHref: (request: EndorsementRequestView) => string;
}) {
  const { c, labels } = props;
  const t = c.get('t');
  return (
    <div class="table-scroll">
      <table class="data stack" aria-labelledby={props.labelledBy} data-requests={props.marker}>
        <thead>
          <tr>
            <th scope="col">{t('endorsementRequest.achievement')}</th>
            <th scope="col">{labels.from}</th>
            <th scope="col">{t('endorsementRequest.message')}</th>
            <th scope="col">{t('endorsementRequest.date')}</th>
            <th scope="col">{t('endorsementRequest.state')}</th>
            <th scope="col">{t('endorsementRequest.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.requests.map((request) => (
            <tr data-request={request.id}>
              <th scope="row">{request.achievement.name}</th>
              <td data-label={labels.from}>{request.requester.name}</td>
              <td data-label={t('endorsementRequest.message')} class="endorsement-comment">
                {request.message === '' ? (
                  <span class="muted">{t('endorsementRequest.noMessage')}</span>
                ) : (
                  request.message
                )}
              </td>
              <td data-label={t('endorsementRequest.date')}>{t.date(request.createdAt)}</td>
              <td data-label={t('endorsementRequest.state')} data-request-state={request.state}>
                {t(REQUEST_STATE_LABELS[request.state])}
              </td>
              <td>
                <a href={props.reviewHref(request)}>
                  {labels.review}
                  <span class="visually-hidden"> {request.achievement.name}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
