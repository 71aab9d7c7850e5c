import type { Context } from 'hono';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import {
  type Achievement,
  type CredentialEvent,
  type CredentialRecord,
  ISSUED_STATES,
  type IssuedCredential,
  type WalletCopy,
} from '../../../domain/ports/index.js';
import { PostForm } from '../../shared/layout.js';
import { Notes } from '../../shared/notes.js';
import type { WebEnv } from '../../shared/web-env.js';
import { consolePath } from '../console-context.js';
import { ConsoleLayout } from '../console-layout.js';
import { EVENT_LABELS, STATE_LABELS, STATUS_PURPOSE_LABELS } from './credential-words.js';

/** The list's filters as the form sends them (every one optional, kept as typed). */
export interface CredentialFilters {
  readonly recipient: string;
  readonly achievement: string;
  readonly state: string;
  readonly from: string;
  readonly to: string;
}

/** The filters as a query string (empty ones left out), with `extra` (the page) appended. */
export function filterQuery(
  filters: CredentialFilters,
  extra: Readonly<Record<string, string>> = {},
): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, ...extra }))
    if (value !== '') query.set(name, value);
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

function Recipient(props: { readonly c: Context<WebEnv>; readonly record: CredentialRecord }) {
  const t = props.c.get('t');
  const { record } = props;
  return (
    <>
      {record.recipientName ?? (record.recipientDid === null ? t('console.credentials.unnamed') : null)}
      {record.recipientDid === null ? null : (
        <>
          {record.recipientName === null ? null : <br />}
          <code>{record.recipientDid}</code>
        </>
      )}
    </>
  );
}

function FilterForm(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly filters: CredentialFilters;
  readonly achievements: readonly Achievement[];
}) {
  const { c, filters } = props;
  const t = c.get('t');
  return (
    <form method="get" action={consolePath(props.workspace, '/credentials')} class="filters">
      <div>
        <label for="filter-recipient">{t('console.credentials.filter.recipient')}</label>
        <input id="filter-recipient" name="recipient" maxlength={320} value={filters.recipient} />
      </div>
      <div>
        <label for="filter-achievement">{t('console.credentials.filter.achievement')}</label>
        <select id="filter-achievement" name="achievement">
          <option value="">{t('console.credentials.filter.any')}</option>
          {props.achievements.map((achievement) => (
            <option value={achievement.id} selected={achievement.id === filters.achievement}>
              {achievement.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="filter-state">{t('console.credentials.filter.state')}</label>
        <select id="filter-state" name="state">
          <option value="">{t('console.credentials.filter.any')}</option>
          {ISSUED_STATES.map((state) => (
            <option value={state} selected={state === filters.state}>
              {t(STATE_LABELS[state])}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="filter-from">{t('console.credentials.filter.from')}</label>
        <input id="filter-from" name="from" type="date" value={filters.from} />
      </div>
      <div>
        <label for="filter-to">{t('console.credentials.filter.to')}</label>
        <input id="filter-to" name="to" type="date" value={filters.to} />
      </div>
      <div class="filter-actions">
        <button type="submit">{t('console.credentials.filter.apply')}</button>{' '}
        <a href={consolePath(props.workspace, '/credentials')}>{t('console.credentials.filter.clear')}</a>
      </div>
    </form>
  );
}

/** `/console/{slug}/credentials`: what the issuer issued, filtered, a page at a time. */
export function CredentialListPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly filters: CredentialFilters;
  readonly achievements: readonly Achievement[];
  readonly achievementNames: ReadonlyMap<string, string>;
  readonly found: { readonly items: readonly IssuedCredential[]; readonly total: number } | null;
  readonly page: number;
  readonly pageSize: number;
  readonly exportCap: number;
  readonly error?: string;
}) {
  const { c, workspace, filters, found, page, pageSize } = props;
  const t = c.get('t');
  const title = t('console.credentials.title');
  const list = consolePath(workspace, '/credentials');
  const first = (page - 1) * pageSize + 1;
  const last = found === null ? 0 : first + found.items.length - 1;
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <h1>{title}</h1>
      <FilterForm c={c} workspace={workspace} filters={filters} achievements={props.achievements} />
      <Notes message={undefined} error={props.error} />
      {found === null ? null : (
        <>
          <p data-total={found.total}>
            {found.items.length === 0
              ? t('console.credentials.none')
              : t('console.credentials.showing', { first, last, total: found.total })}{' '}
            {found.total === 0 ? null : (
              <a href={`${consolePath(workspace, '/credentials.csv')}${filterQuery(filters)}`} download>
                {t('console.credentials.export')}
              </a>
            )}
          </p>
          {found.total > props.exportCap ? (
            <p class="hint">{t('console.credentials.exportCapped', { cap: props.exportCap })}</p>
          ) : null}
          {found.items.length === 0 ? null : (
            <div class="table-scroll">
              <table class="data stack">
                <caption class="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('console.credentials.column.recipient')}</th>
                    <th scope="col">{t('console.credentials.column.achievement')}</th>
                    <th scope="col">{t('console.credentials.column.state')}</th>
                    <th scope="col">{t('console.credentials.column.issued')}</th>
                  </tr>
                </thead>
                <tbody>
                  {found.items.map(({ record, state }) => (
                    <tr data-credential={record.id}>
                      <th scope="row">
                        <a href={`${list}/${record.id}`}>
                          <Recipient c={c} record={record} />
                        </a>
                      </th>
                      <td data-label={t('console.credentials.column.achievement')}>
                        {props.achievementNames.get(record.achievementId) ?? record.achievementId}
                      </td>
                      <td data-label={t('console.credentials.column.state')} data-state={state}>
                        {t(STATE_LABELS[state])}
                      </td>
                      <td data-label={t('console.credentials.column.issued')}>{t.date(record.issuedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {page === 1 && last >= found.total ? null : (
            <nav class="pager" aria-label={t('console.credentials.pages')}>
              {page > 1 ? (
                <a rel="prev" href={`${list}${filterQuery(filters, { page: String(page - 1) })}`}>
                  {t('console.credentials.previous')}
                </a>
              ) : null}{' '}
              {last < found.total ? (
                <a rel="next" href={`${list}${filterQuery(filters, { page: String(page + 1) })}`}>
                  {t('console.credentials.next')}
                </a>
              ) : null}
            </nav>
          )}
        </>
      )}
    </ConsoleLayout>
  );
}

function ReasonField(props: {
  readonly c: Context<WebEnv>;
  readonly id: string;
  readonly required: boolean;
  readonly value: string;
}) {
  const t = props.c.get('t');
  return (
    <>
      <label for={props.id}>
        {t(props.required ? 'console.credentials.reason' : 'console.credentials.reasonOptional')}
      </label>
      <textarea id={props.id} name="reason" rows={3} maxlength={1000} required={props.required}>
        {props.value}
      </textarea>
    </>
  );
}

/** What the issuer can still do to a credential, as far as its role and the credential allow. */
function CredentialActions(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly issued: IssuedCredential;
  readonly reason: string;
}) {
  const { c, workspace } = props;
  const { record } = props.issued;
  const t = c.get('t');
  const base = consolePath(workspace, `/credentials/${record.id}`);
  if (record.revokedAt !== null) return <p class="notice">{t('console.credentials.revokedForGood')}</p>;
  return (
    <>
      {record.statusPurpose !== 'suspension' ? (
        <p class="hint" data-suspension="unavailable">
          {t('console.credentials.noSuspension')}
        </p>
      ) : record.suspendedAt === null ? (
        <section aria-labelledby="suspend-heading" class="card">
          <h3 id="suspend-heading">{t('console.credentials.suspend')}</h3>
          <p class="hint">{t('console.credentials.suspendHint')}</p>
          <PostForm c={c} action={`${base}/suspend`} class="stack">
            <ReasonField c={c} id="suspend-reason" required value={props.reason} />
            <button type="submit" class="secondary">
              {t('console.credentials.suspend')}
            </button>
          </PostForm>
        </section>
      ) : (
        <section aria-labelledby="reinstate-heading" class="card">
          <h3 id="reinstate-heading">{t('console.credentials.reinstate')}</h3>
          <p class="hint">{t('console.credentials.reinstateHint')}</p>
          <PostForm c={c} action={`${base}/reinstate`} class="stack">
            <ReasonField c={c} id="reinstate-reason" required={false} value={props.reason} />
            <button type="submit">{t('console.credentials.reinstate')}</button>
          </PostForm>
        </section>
      )}
      <section aria-labelledby="revoke-heading" class="card">
        <h3 id="revoke-heading">{t('console.credentials.revoke')}</h3>
        <p class="hint">{t('console.credentials.revokeHint')}</p>
        <PostForm
          c={c}
          action={`${base}/revoke`}
          class="stack"
          confirm={t('console.credentials.revokeConfirmQuestion')}
        >
          <ReasonField c={c} id="revoke-reason" required value={props.reason} />
          <label>
            <input type="checkbox" name="confirm" value="yes" required />{' '}
            {t('console.credentials.revokeConfirm')}
          </label>
          <button type="submit" class="danger">
            {t('console.credentials.revoke')}
          </button>
        </PostForm>
      </section>
    </>
  );
}

/** `/console/{slug}/credentials/{id}`: one credential, its history, and what can be done to it. */
export function CredentialDetailPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly issued: IssuedCredential;
  readonly achievementName: string;
  readonly history: readonly CredentialEvent[];
  /** The holder-bound copies wallets received: shown here, under the one award, never as credentials. */
  readonly walletCopies: readonly WalletCopy[];
  readonly message?: string;
  readonly error?: string;
  readonly reason?: string;
}) {
  const { c, workspace, issued } = props;
  const { record, state } = issued;
  const t = c.get('t');
  const title = t('console.credentials.detailTitle', { name: props.achievementName });
  const publicPage = `/credentials/${record.id}`;
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <p>
        <a href={consolePath(workspace, '/credentials')}>{t('console.credentials.back')}</a>
      </p>
      <h1>{title}</h1>
      <Notes message={props.message} error={props.error} />
      <dl class="facts">
        <dt>{t('console.credentials.column.recipient')}</dt>
        <dd>
          <Recipient c={c} record={record} />
          {record.recipientLookupHash === null ? null : (
            <>
              <br />
              <span class="muted">{t('console.credentials.emailHashed')}</span>
            </>
          )}
        </dd>
        <dt>{t('console.credentials.column.achievement')}</dt>
        <dd>{props.achievementName}</dd>
        <dt>{t('console.credentials.column.state')}</dt>
        <dd data-state={state}>{t(STATE_LABELS[state])}</dd>
        <dt>{t('console.credentials.column.issued')}</dt>
        <dd>{t.date(record.issuedAt)}</dd>
        <dt>{t('console.credentials.validUntil')}</dt>
        <dd>{record.validUntil === null ? t('credential.noExpiry') : t.date(record.validUntil)}</dd>
        {record.revokedAt === null ? null : (
          <>
            <dt>{t('console.credentials.revokedAt')}</dt>
            <dd>
              {t.date(record.revokedAt)}
              {record.revocationReason === null ? null : `: ${record.revocationReason}`}
            </dd>
          </>
        )}
        {record.suspendedAt === null ? null : (
          <>
            <dt>{t('console.credentials.suspendedAt')}</dt>
            <dd>
              {t.date(record.suspendedAt)}
              {record.suspensionReason === null ? null : `: ${record.suspensionReason}`}
            </dd>
          </>
        )}
        <dt>{t('console.credentials.statusPurpose')}</dt>
        <dd data-status-purpose={record.statusPurpose}>{t(STATUS_PURPOSE_LABELS[record.statusPurpose])}</dd>
        <dt>{t('console.credentials.publicCopy')}</dt>
        <dd>
          <a href={publicPage}>{t('console.credentials.publicPage')}</a> ·{' '}
          <a href={`${publicPage}/download/credential.json`}>{t('console.credentials.json')}</a>
        </dd>
        {props.walletCopies.length === 0 ? null : (
          <>
            <dt>{t('console.credentials.walletCopies')}</dt>
            <dd data-wallet-copies>
              <ul class="plain-list">
                {props.walletCopies.map((copy) => (
                  <li data-wallet-copy={copy.credentialId}>
                    {t.date(copy.createdAt)} — <code class="wallet-address">{copy.holderDid}</code>
                  </li>
                ))}
              </ul>
              <span class="muted">{t('console.credentials.walletCopiesHint')}</span>
            </dd>
          </>
        )}
      </dl>
      <h2 id="history-heading">{t('console.credentials.history')}</h2>
      {/* Wider than a phone, with nothing to focus in it: the region is focusable so a keyboard can scroll it
          (on a desktop; a phone shows one block per event, the member's address wrapped, never cut). */}
      <section class="table-scroll" tabindex={0} aria-labelledby="history-heading">
        <table class="data stack">
          <thead>
            <tr>
              <th scope="col">{t('console.credentials.history.what')}</th>
              <th scope="col">{t('console.credentials.history.when')}</th>
              <th scope="col">{t('console.credentials.history.who')}</th>
              <th scope="col">{t('console.credentials.history.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {props.history.map((event) => (
              <tr data-event={event.kind}>
                <th scope="row">{t(EVENT_LABELS[event.kind])}</th>
                <td data-label={t('console.credentials.history.when')}>{t.date(event.at)}</td>
                <td data-label={t('console.credentials.history.who')} class="address">
                  {event.actor ?? '—'}
                </td>
                <td data-label={t('console.credentials.history.reason')}>{event.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {workspace.role === 'viewer' ? null : (
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading">{t('console.credentials.actions')}</h2>
          <CredentialActions c={c} workspace={workspace} issued={issued} reason={props.reason ?? ''} />
        </section>
      )}
    </ConsoleLayout>
  );
}
