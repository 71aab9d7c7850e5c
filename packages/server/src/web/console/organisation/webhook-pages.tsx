import type { Context } from 'hono';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import { EVENT_TYPES } from '../../../domain/ports/event-repository.js';
import type { DeliveryLogEntry, WebhookEndpointView } from '../../../domain/webhooks/manage-webhooks.js';
import { PostForm } from '../../shared/layout.js';
import type { WebEnv } from '../../shared/web-env.js';
import { consolePath } from '../console-context.js';
import { CodeChoice } from './code-choice.js';
import { OrganisationLayout } from './organisation-layout.js';

/** The form field of an event type's checkbox. */
export function eventField(type: string): string {
  return `event:${type}`;
}

const STATE_LABELS = {
  pending: 'console.webhooks.state.pending',
  succeeded: 'console.webhooks.state.succeeded',
  failed: 'console.webhooks.state.failed',
} as const;

/**
 * `/console/{slug}/organisation/webhooks`: the issuer's endpoints, their latest deliveries with every
 * answer and a replay button, and the form to add one.
 */
export function WebhooksPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly endpoints: readonly {
    readonly endpoint: WebhookEndpointView;
    readonly deliveries: readonly DeliveryLogEntry[];
  }[];
  readonly values?: Readonly<Record<string, string>>;
  readonly message?: string | undefined;
  readonly error?: string | undefined;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  const value = (name: string) => props.values?.[name] ?? '';
  const base = consolePath(workspace, '/organisation/webhooks');
  return (
    <OrganisationLayout
      c={c}
      workspace={workspace}
      title={t('console.webhooks.title')}
      message={props.message}
      error={props.error}
    >
      <p>{t('console.webhooks.lead')}</p>
      {props.endpoints.length === 0 ? <p class="muted">{t('console.webhooks.empty')}</p> : null}
      {props.endpoints.map(({ endpoint, deliveries }, index) => (
        <section aria-labelledby={`endpoint-${index}`} data-webhook={endpoint.id}>
          <h2 id={`endpoint-${index}`}>
            <code>{endpoint.url}</code>
          </h2>
          <dl class="facts">
            <dt>{t('console.webhooks.events')}</dt>
            <dd>
              <code>{endpoint.eventTypes.join(' ')}</code>
            </dd>
            <dt>{t('console.webhooks.status')}</dt>
            <dd>
              {endpoint.enabled
                ? t('console.webhooks.enabled')
                : t('console.webhooks.disabled', { reason: endpoint.disabledReason ?? '' })}
            </dd>
          </dl>
          <h3>{t('console.webhooks.deliveries')}</h3>
          {deliveries.length === 0 ? (
            <p class="muted">{t('console.webhooks.noDeliveries')}</p>
          ) : (
            <div class="table-scroll">
              <table class="data stack">
                <thead>
                  <tr>
                    <th scope="col">{t('console.webhooks.event')}</th>
                    <th scope="col">{t('console.webhooks.status')}</th>
                    <th scope="col">{t('console.webhooks.attempts')}</th>
                    <th scope="col">{t('console.webhooks.lastStatus')}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t('console.webhooks.replay')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {deliveries.map((delivery) => {
                    const last = delivery.attemptLog.at(-1);
                    return (
                      <tr data-delivery={delivery.id}>
                        <th scope="row">
                          <code>{delivery.type}</code> <span class="muted">{delivery.messageId}</span>
                        </th>
                        <td data-label={t('console.webhooks.status')}>{t(STATE_LABELS[delivery.state])}</td>
                        <td data-label={t('console.webhooks.attempts')}>{delivery.attempts}</td>
                        <td data-label={t('console.webhooks.lastStatus')}>
                          {last === undefined
                            ? t('console.webhooks.none')
                            : `${last.statusCode ?? '—'} ${last.excerpt.slice(0, 120)}`}
                        </td>
                        <td>
                          {workspace.role === 'viewer' ? null : (
                            <PostForm
                              c={c}
                              action={`${base}/${endpoint.id}/deliveries/${delivery.id}/replay`}
                              class="inline"
                            >
                              <button type="submit" class="secondary">
                                {t('console.webhooks.replay')}
                              </button>
                            </PostForm>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {workspace.role === 'owner' ? (
            <PostForm
              c={c}
              action={`${base}/${endpoint.id}/delete`}
              class="inline"
              confirm={t('console.webhooks.removeConfirm')}
            >
              <button type="submit" class="danger">
                {t('console.webhooks.remove')}
              </button>
            </PostForm>
          ) : null}
        </section>
      ))}
      {workspace.role === 'owner' ? (
        <section aria-labelledby="add-webhook-heading">
          <h2 id="add-webhook-heading">{t('console.webhooks.add')}</h2>
          <PostForm c={c} action={base} class="stack">
            <label for="webhook-url">{t('console.webhooks.url')}</label>
            <input
              id="webhook-url"
              name="url"
              type="url"
              required
              maxlength={2048}
              placeholder="https://"
              value={value('url')}
            />
            <fieldset class="scopes">
              <legend>{t('console.webhooks.events')}</legend>
              {EVENT_TYPES.map((type) => (
                <CodeChoice
                  id={`webhook-${type.replace(/[._]/g, '-')}`}
                  name={eventField(type)}
                  code={type}
                  checked={value(eventField(type)) === 'yes'}
                />
              ))}
            </fieldset>
            <p>
              <button type="submit">{t('console.webhooks.add')}</button>
            </p>
          </PostForm>
        </section>
      ) : null}
    </OrganisationLayout>
  );
}

/** The answer to adding an endpoint: its signing secret, this once. */
export function WebhookCreatedPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly secret: string;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  return (
    <OrganisationLayout c={c} workspace={workspace} title={t('console.webhooks.title')}>
      <p class="notice" role="status">
        {t('console.webhooks.secretOnce')}
      </p>
      <pre class="snippet" id="new-webhook-secret" data-webhook-secret>
        {props.secret}
      </pre>
      <p>
        <a href={consolePath(workspace, '/organisation/webhooks')}>{t('console.webhooks.title')}</a>
      </p>
    </OrganisationLayout>
  );
}
