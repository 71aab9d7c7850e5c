import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import type { CredentialPreview } from '../../../domain/credential/preview-credential.js';
import type { Achievement, JsonObject } from '../../../domain/ports/index.js';
import { renderMarkdown } from '../../../edge/render-markdown.js';
import { readCredentialFields } from '../../shared/credential-fields.js';
import { PostForm } from '../../shared/layout.js';
import { Notes } from '../../shared/notes.js';
import type { WebEnv } from '../../shared/web-env.js';
import { consolePath } from '../console-context.js';
import { ConsoleLayout } from '../console-layout.js';
import { STATE_LABELS } from './credential-words.js';

/** The issue form's fields, as typed. */
export const ISSUE_FIELDS = [
  'achievementId',
  'recipient',
  'name',
  'evidenceUrl',
  'evidenceNarrative',
  'narrative',
] as const;
export type IssueValues = Readonly<Record<(typeof ISSUE_FIELDS)[number], string>>;

export const NO_VALUES: IssueValues = {
  achievementId: '',
  recipient: '',
  name: '',
  evidenceUrl: '',
  evidenceNarrative: '',
  narrative: '',
};

/** `/console/{slug}/issue`: the form (step 1 of 2), or why this person cannot issue here. */
export function IssueFormPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly achievements: readonly Achievement[];
  readonly values: IssueValues;
  readonly error?: string;
}) {
  const { c, workspace, values } = props;
  const t = c.get('t');
  const title = t('console.issue.title');
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <h1>{title}</h1>
      <Notes message={undefined} error={props.error} />
      {workspace.role === 'viewer' ? (
        <p class="notice">{t('console.issue.viewer')}</p>
      ) : props.achievements.length === 0 ? (
        <p class="notice">{t('console.issue.noAchievements')}</p>
      ) : (
        <>
          <p class="lead">{t('console.issue.lead')}</p>
          <PostForm c={c} action={consolePath(workspace, '/issue/preview')} class="stack">
            <label for="issue-achievement">{t('console.issue.achievement')}</label>
            <select id="issue-achievement" name="achievementId" required>
              {props.achievements.map((achievement) => (
                <option value={achievement.id} selected={achievement.id === values.achievementId}>
                  {achievement.name}
                </option>
              ))}
            </select>
            <label for="issue-recipient">{t('console.issue.recipient')}</label>
            <input
              id="issue-recipient"
              name="recipient"
              required
              maxlength={500}
              aria-describedby="issue-recipient-hint"
              value={values.recipient}
            />
            <p class="hint" id="issue-recipient-hint">
              {t('console.issue.recipientHint')}
            </p>
            <label for="issue-name">{t('console.issue.name')}</label>
            <input id="issue-name" name="name" maxlength={200} autocomplete="off" value={values.name} />
            <fieldset>
              <legend>{t('console.issue.evidence')}</legend>
              <label for="issue-evidence-url">{t('console.issue.evidenceUrl')}</label>
              <input
                id="issue-evidence-url"
                name="evidenceUrl"
                type="url"
                maxlength={2000}
                value={values.evidenceUrl}
              />
              <label for="issue-evidence-narrative">{t('console.issue.evidenceNarrative')}</label>
              <textarea id="issue-evidence-narrative" name="evidenceNarrative" rows={3} maxlength={20_000}>
                {values.evidenceNarrative}
              </textarea>
            </fieldset>
            <label for="issue-narrative">{t('console.issue.narrative')}</label>
            <textarea
              id="issue-narrative"
              name="narrative"
              rows={3}
              maxlength={20_000}
              aria-describedby="issue-narrative-hint"
            >
              {values.narrative}
            </textarea>
            <p class="hint" id="issue-narrative-hint">
              {t('console.issue.narrativeHint')}
            </p>
            <button type="submit">{t('console.issue.preview')}</button>
          </PostForm>
        </>
      )}
    </ConsoleLayout>
  );
}

/** The credential as it will read, through the same reader as its public page. */
function previewDocument(preview: CredentialPreview): JsonObject {
  const { achievement, issuer, input } = preview;
  return {
    name: achievement.name,
    issuer: { name: issuer.name },
    credentialSubject: {
      ...(input.recipient.name === undefined ? {} : { name: input.recipient.name }),
      achievement: achievement.document,
    },
    ...(input.evidence === undefined
      ? {}
      : {
          evidence: input.evidence.map((item) => ({
            ...(item.url === undefined ? {} : { id: item.url }),
            ...(item.narrative === undefined ? {} : { narrative: item.narrative }),
          })),
        }),
  };
}

/** Step 2 of 2: how the credential will read, nothing signed yet, and the button that signs it. */
export function IssuePreviewPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly preview: CredentialPreview;
  readonly values: IssueValues;
  readonly idempotencyKey: string;
  readonly error?: string;
}) {
  const { c, workspace, preview, values } = props;
  const t = c.get('t');
  const title = t('console.issue.previewTitle');
  const fields = readCredentialFields(previewDocument(preview));
  const recipient = preview.input.recipient.email ?? preview.input.recipient.did ?? '';
  const { validityMonths } = preview.achievement;
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <h1>{title}</h1>
      <Notes message={undefined} error={props.error} />
      {preview.holdings.length === 0 ? null : (
        <div class="error-box" role="alert" data-duplicate="warning">
          <p>{t('console.issue.duplicate', { recipient, name: preview.achievement.name })}</p>
          <ul>
            {preview.holdings.map(({ record, state }) => (
              <li>
                <a href={consolePath(workspace, `/credentials/${record.id}`)}>
                  {t('console.issue.duplicateItem', {
                    date: t.date(record.issuedAt),
                    state: t(STATE_LABELS[state]),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <section class="card credential-preview" aria-labelledby="preview-name">
        <p class="muted">{t('console.issue.previewLead')}</p>
        <h2 id="preview-name">{fields.name}</h2>
        <dl class="facts">
          <dt>{t('credential.issuer')}</dt>
          <dd>{fields.issuerName}</dd>
          <dt>{t('credential.recipient')}</dt>
          <dd>
            {fields.recipientName === null ? null : (
              <>
                {fields.recipientName}
                <br />
              </>
            )}
            <span class="muted">{recipient}</span>
          </dd>
          <dt>{t('credential.expires')}</dt>
          <dd>
            {validityMonths === null
              ? t('credential.noExpiry')
              : t('console.issue.validFor', { months: validityMonths })}
          </dd>
        </dl>
        {fields.description === null ? null : <p>{fields.description}</p>}
        {fields.criteria === null ? null : (
          <>
            <h3>{t('credential.criteria')}</h3>
            <div class="markdown">{raw(renderMarkdown(fields.criteria))}</div>
          </>
        )}
        {fields.evidence.length === 0 ? null : (
          <>
            <h3>{t('credential.evidence')}</h3>
            {fields.evidence.map((evidence) => (
              <div>
                {evidence.url === null ? null : (
                  <p>
                    <a href={evidence.url} rel="nofollow noopener">
                      {evidence.url}
                    </a>
                  </p>
                )}
                {evidence.narrative === null ? null : (
                  <div class="markdown">{raw(renderMarkdown(evidence.narrative))}</div>
                )}
              </div>
            ))}
          </>
        )}
        {preview.input.narrative === undefined ? null : (
          <>
            <h3>{t('console.issue.narrative')}</h3>
            <div class="markdown">{raw(renderMarkdown(preview.input.narrative))}</div>
          </>
        )}
      </section>
      <PostForm c={c} action={consolePath(workspace, '/issue')} class="stack">
        {ISSUE_FIELDS.map((name) => (
          <input type="hidden" name={name} value={values[name]} />
        ))}
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        {preview.holdings.length === 0 ? null : (
          <label>
            <input type="checkbox" name="issueAnyway" value="yes" required /> {t('console.issue.issueAnyway')}
          </label>
        )}
        <p class="actions">
          <button type="submit">{t('console.issue.confirm')}</button>{' '}
          <button
            type="submit"
            class="secondary"
            formaction={consolePath(workspace, '/issue/preview')}
            formnovalidate
            name="edit"
            value="yes"
          >
            {t('console.issue.change')}
          </button>
        </p>
      </PostForm>
    </ConsoleLayout>
  );
}
