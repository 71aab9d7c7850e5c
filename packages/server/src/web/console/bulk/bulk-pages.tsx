import type { Context } from 'hono';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import type { BulkPreview } from '../../../domain/bulk/preview-bulk-job.js';
import type { Achievement, BulkJob } from '../../../domain/ports/index.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import { PostForm } from '../../shared/layout.js';
import { Notes } from '../../shared/notes.js';
import { CONSOLE_CSV_LIMIT_BYTES } from '../../shared/page-limits.js';
import type { WebEnv } from '../../shared/web-env.js';
import { consolePath } from '../console-context.js';
import { ConsoleLayout } from '../console-layout.js';

const JOB_STATE_LABELS = {
  queued: 'console.job.state.queued',
  running: 'console.job.state.running',
  completed: 'console.job.state.completed',
  failed: 'console.job.state.failed',
  cancelled: 'console.job.state.cancelled',
} as const satisfies Record<BulkJob['state'], MessageKey>;

/** The recipient fields a CSV column can be mapped to (the parser's column names), in words. */
export const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  email: 'console.bulk.field.email',
  recipient: 'console.bulk.field.recipient',
  did: 'console.bulk.field.did',
  name: 'console.bulk.field.name',
  evidence_url: 'console.bulk.field.evidenceUrl',
  evidence_narrative: 'console.bulk.field.evidenceNarrative',
  narrative: 'console.bulk.field.narrative',
  result: 'console.bulk.field.result',
  result_description: 'console.bulk.field.resultDescription',
  result_status: 'console.bulk.field.resultStatus',
  activity_start_date: 'console.bulk.field.activityStartDate',
  activity_end_date: 'console.bulk.field.activityEndDate',
  idempotency_key: 'console.bulk.field.idempotencyKey',
};

/** The uploaded file as the later steps carry it: in the form, so the server keeps nothing between them. */
export interface CarriedUpload {
  readonly achievementId: string;
  readonly fileName: string;
  /** The file's bytes, base64: a textarea would turn its line ends into CRLF. */
  readonly csv: string;
}

function CarriedFields(props: { readonly upload: CarriedUpload }) {
  return (
    <>
      <input type="hidden" name="achievementId" value={props.upload.achievementId} />
      <input type="hidden" name="fileName" value={props.upload.fileName} />
      <input type="hidden" name="csv" value={props.upload.csv} />
    </>
  );
}

function ColumnFields(props: { readonly columns: readonly (string | null)[] }) {
  return (
    <>
      {props.columns.map((column, index) => (
        <input type="hidden" name={`column${index}`} value={column ?? ''} />
      ))}
    </>
  );
}

/** `/console/{slug}/bulk`: the upload form (for those who may issue) and the issuer's bulk jobs. */
export function BulkHomePage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly canIssue: boolean;
  readonly achievements: readonly Achievement[];
  readonly jobs: readonly BulkJob[];
  readonly achievementNames: ReadonlyMap<string, string>;
  readonly achievementId?: string;
  readonly error?: string;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  const title = t('console.bulk.title');
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <h1>{title}</h1>
      <Notes message={undefined} error={props.error} />
      {!props.canIssue ? null : props.achievements.length === 0 ? (
        <p class="notice">{t('console.bulk.noPublished')}</p>
      ) : (
        <section aria-labelledby="bulk-upload">
          <h2 id="bulk-upload">{t('console.bulk.uploadTitle')}</h2>
          <p class="hint">
            {t('console.bulk.uploadHint', { size: Math.round(CONSOLE_CSV_LIMIT_BYTES / (1024 * 1024)) })}
          </p>
          <PostForm c={c} action={consolePath(workspace, '/bulk/upload')} multipart class="stack">
            <label for="bulk-achievement">{t('console.bulk.achievement')}</label>
            <select id="bulk-achievement" name="achievementId" required>
              {props.achievements.map((achievement) => (
                <option value={achievement.id} selected={achievement.id === props.achievementId}>
                  {achievement.name}
                </option>
              ))}
            </select>
            <label for="bulk-file">{t('console.bulk.file')}</label>
            <input id="bulk-file" name="file" type="file" accept=".csv,text/csv" required />
            <button type="submit">{t('console.bulk.upload')}</button>
          </PostForm>
        </section>
      )}
      <section aria-labelledby="bulk-jobs">
        <h2 id="bulk-jobs">{t('console.bulk.jobs')}</h2>
        {props.jobs.length === 0 ? (
          <p class="muted">{t('console.bulk.noJobs')}</p>
        ) : (
          <div class="table-scroll">
            <table class="data stack">
              <thead>
                <tr>
                  <th scope="col">{t('console.bulk.created')}</th>
                  <th scope="col">{t('console.bulk.achievement')}</th>
                  <th scope="col">{t('console.bulk.state')}</th>
                  <th scope="col">{t('console.bulk.progress')}</th>
                  <th scope="col">{t('console.bulk.failed')}</th>
                  <th scope="col">{t('console.bulk.duplicates')}</th>
                </tr>
              </thead>
              <tbody>
                {props.jobs.map((job) => (
                  <tr data-job={job.id}>
                    <th scope="row">
                      <a href={consolePath(workspace, `/bulk/${job.id}`)}>{t.date(job.createdAt)}</a>
                    </th>
                    <td data-label={t('console.bulk.achievement')}>
                      {props.achievementNames.get(job.achievementId) ?? job.achievementId}
                    </td>
                    <td data-label={t('console.bulk.state')}>{t(JOB_STATE_LABELS[job.state])}</td>
                    <td data-label={t('console.bulk.progress')}>
                      {t('console.bulk.doneOf', { done: job.done, total: job.total })}
                    </td>
                    <td data-label={t('console.bulk.failed')}>{job.failed}</td>
                    <td data-label={t('console.bulk.duplicates')}>{job.duplicates}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </ConsoleLayout>
  );
}

/** Step 2: what each column of the file holds. */
export function BulkMappingPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly achievement: Achievement;
  readonly upload: CarriedUpload;
  readonly headings: readonly string[];
  readonly columns: readonly (string | null)[];
  readonly error?: string;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  const title = t('console.bulk.mappingTitle');
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <h1>{title}</h1>
      <p class="lead">
        {t('console.bulk.mappingLead', { file: props.upload.fileName, achievement: props.achievement.name })}
      </p>
      <Notes message={undefined} error={props.error} />
      <PostForm c={c} action={consolePath(workspace, '/bulk/preview')} multipart class="stack">
        <CarriedFields upload={props.upload} />
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t('console.bulk.heading')}</th>
              <th scope="col">{t('console.bulk.field')}</th>
            </tr>
          </thead>
          <tbody>
            {props.headings.map((heading, index) => (
              <tr>
                <th scope="row">
                  <label for={`column-${index}`}>
                    {heading === '' ? t('console.bulk.untitled', { n: index + 1 }) : heading}
                  </label>
                </th>
                <td>
                  <select id={`column-${index}`} name={`column${index}`}>
                    <option value="">{t('console.bulk.leaveOut')}</option>
                    {Object.entries(FIELD_LABELS).map(([field, label]) => (
                      <option value={field} selected={props.columns[index] === field}>
                        {t(label)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit">{t('console.bulk.preview')}</button>
      </PostForm>
    </ConsoleLayout>
  );
}

/** Step 3: the dry run, and the button that starts the job. */
export function BulkPreviewPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly preview: BulkPreview;
  readonly upload: CarriedUpload;
  readonly columns: readonly (string | null)[];
}) {
  const { c, workspace, preview } = props;
  const t = c.get('t');
  const title = t('console.bulk.previewTitle');
  const duplicates = preview.alreadyHeld.length + preview.repeated.length;
  const toIssue = preview.total - preview.errors.length - duplicates;
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <h1>{title}</h1>
      <p class="lead">
        {t('console.bulk.mappingLead', {
          file: props.upload.fileName,
          achievement: preview.achievement.name,
        })}
      </p>
      <dl class="facts">
        <dt>{t('console.bulk.total')}</dt>
        <dd data-stat="total">{preview.total}</dd>
        <dt>{t('console.bulk.toIssue')}</dt>
        <dd data-stat="to-issue">{toIssue}</dd>
        <dt>{t('console.bulk.rowErrors')}</dt>
        <dd data-stat="errors">{preview.errors.length}</dd>
        <dt>{t('console.bulk.alreadyHeld')}</dt>
        <dd data-stat="already-held">{preview.alreadyHeld.length}</dd>
        <dt>{t('console.bulk.repeated')}</dt>
        <dd data-stat="repeated">{preview.repeated.length}</dd>
      </dl>
      <h2 id="bulk-sample">{t('console.bulk.sample', { count: preview.sample.length })}</h2>
      {/* Wider than a phone, with nothing to focus in it: the region is focusable so a keyboard can scroll it. */}
      <section class="table-scroll" tabindex={0} aria-labelledby="bulk-sample">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t('console.bulk.row')}</th>
              <th scope="col">{t('console.bulk.recipient')}</th>
              <th scope="col">{t('console.bulk.field.name')}</th>
              <th scope="col">{t('console.bulk.field.evidenceUrl')}</th>
              <th scope="col">{t('console.bulk.field.narrative')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((row) => (
              <tr data-row={row.row}>
                <th scope="row">{row.row}</th>
                <td>{row.email ?? row.did}</td>
                <td>{row.name ?? ''}</td>
                <td>{row.evidenceUrl ?? ''}</td>
                <td>{row.narrative ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {preview.errors.length === 0 ? null : (
        <section aria-labelledby="bulk-errors">
          <h2 id="bulk-errors">{t('console.bulk.errorsTitle', { count: preview.errors.length })}</h2>
          <p class="hint">{t('console.bulk.errorsHint')}</p>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('console.bulk.row')}</th>
                <th scope="col">{t('console.bulk.error')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.errors.map((error) => (
                <tr data-error-row={error.row}>
                  <th scope="row">{error.row}</th>
                  <td>{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <PostForm c={c} action={consolePath(workspace, '/bulk/start')} multipart class="stack">
        <CarriedFields upload={props.upload} />
        <ColumnFields columns={props.columns} />
        {duplicates === 0 ? null : (
          <>
            <p class="notice" role="status">
              {t('console.bulk.duplicatesWarning', {
                held: preview.alreadyHeld.length,
                repeated: preview.repeated.length,
              })}
            </p>
            <p>
              <input id="bulk-allow-duplicates" type="checkbox" name="allowDuplicates" value="true" />{' '}
              <label for="bulk-allow-duplicates">{t('console.bulk.allowDuplicates')}</label>
            </p>
          </>
        )}
        <button type="submit">{t('console.bulk.start')}</button>
      </PostForm>
      <p>
        <a href={consolePath(workspace, '/bulk')}>{t('console.bulk.startOver')}</a>
      </p>
    </ConsoleLayout>
  );
}

/** Step 4: a job's progress, then its outcome and error report. */
export function BulkJobPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly job: BulkJob;
  readonly achievementName: string;
  readonly canCancel: boolean;
  readonly error?: string;
}) {
  const { c, workspace, job } = props;
  const t = c.get('t');
  const title = t('console.bulk.jobTitle', { achievement: props.achievementName });
  const handled = job.done + job.failed + job.duplicates;
  const finished = job.state !== 'queued' && job.state !== 'running';
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <h1>{title}</h1>
      <p role="status" data-state={job.state}>
        {t('console.bulk.stateIs', { state: t(JOB_STATE_LABELS[job.state]) })}
        {finished ? null : ` ${t('console.bulk.refreshing')}`}
      </p>
      <p>
        <label for="bulk-progress">{t('console.bulk.progress')}</label>{' '}
        <progress id="bulk-progress" max={Math.max(job.total, 1)} value={handled}>
          {t('console.bulk.doneOf', { done: handled, total: job.total })}
        </progress>{' '}
        {t('console.bulk.doneOf', { done: handled, total: job.total })}
      </p>
      <dl class="facts">
        <dt>{t('console.bulk.issued')}</dt>
        <dd data-stat="done">{job.done}</dd>
        <dt>{t('console.bulk.failed')}</dt>
        <dd data-stat="failed">{job.failed}</dd>
        <dt>{t('console.bulk.duplicates')}</dt>
        <dd data-stat="duplicates">{job.duplicates}</dd>
        <dt>{t('console.bulk.created')}</dt>
        <dd>{t.date(job.createdAt)}</dd>
      </dl>
      {job.error === null ? null : (
        <p class="error-box" role="alert">
          {job.error}
        </p>
      )}
      {finished && job.failed + job.duplicates > 0 ? (
        <p>
          <a href={consolePath(workspace, `/bulk/${job.id}/errors.csv`)} download>
            {t('console.bulk.errorReport')}
          </a>
        </p>
      ) : null}
      {props.canCancel && !finished ? (
        <section aria-labelledby="bulk-cancel" class="card">
          <h2 id="bulk-cancel">{t('console.bulk.cancel')}</h2>
          <p class="hint">{t('console.bulk.cancelHint')}</p>
          <Notes message={undefined} error={props.error} />
          <PostForm
            c={c}
            action={consolePath(workspace, `/bulk/${job.id}/cancel`)}
            class="stack"
            confirm={t('console.bulk.cancelConfirmQuestion')}
          >
            <label>
              <input type="checkbox" name="confirm" value="yes" required /> {t('console.bulk.cancelConfirm')}
            </label>
            <button type="submit" class="danger">
              {t('console.bulk.cancel')}
            </button>
          </PostForm>
        </section>
      ) : null}
      <p>
        <a href={consolePath(workspace, '/bulk')}>{t('console.bulk.backToJobs')}</a>
      </p>
    </ConsoleLayout>
  );
}
