import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Actor } from '../../../domain/auth/actor.js';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import { readRecipientCsvHeadings, recipientCsvField } from '../../../domain/bulk/parse-recipient-rows.js';
import { ServerError, ServerErrorCode } from '../../../domain/error/server-error.js';
import type { Achievement } from '../../../domain/ports/index.js';
import { csvHeader, csvRow } from '../../../presenters/csv.js';
import { CONSOLE_CSV_LIMIT_BYTES } from '../../shared/page-limits.js';
import { userMessage } from '../../shared/user-message.js';
import { formField, readForm } from '../../shared/web-context.js';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { consolePath, consoleWorkspace } from '../console-context.js';
import {
  BulkHomePage,
  BulkJobPage,
  BulkMappingPage,
  BulkPreviewPage,
  type CarriedUpload,
  FIELD_LABELS,
} from './bulk-pages.js';

// What browsers and spreadsheets call a CSV file (Excel on Windows says vnd.ms-excel).
const CSV_TYPES = new Set(['text/csv', 'application/csv', 'application/vnd.ms-excel', 'text/plain']);
const RECIPIENT_FIELDS = new Set(['email', 'did', 'recipient']);
const UUID = z.uuid();

/** The workspace of a step that changes something: refused to a viewer before the body is read. */
function issuingWorkspace(c: Context<WebEnv>): { actor: Actor; workspace: Workspace } {
  const access = consoleWorkspace(c);
  if (access.workspace.role === 'viewer') {
    throw new ServerError(ServerErrorCode.FORBIDDEN, 'issuing needs the issuer or owner role');
  }
  return access;
}

/** The file's text, or why it is not a CSV file this step can read. */
function decodeCsv(bytes: Uint8Array): { text: string } | { problem: 'notCsv' | 'empty' } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'notCsv' };
  }
  // A NUL never appears in text: this is a spreadsheet's binary format, an image, an archive…
  if (text.includes('\u0000')) return { problem: 'notCsv' };
  if (text.replace(/^\uFEFF/, '').trim() === '') return { problem: 'empty' };
  return { text };
}

/** The upload the mapping and preview forms carry back, and the mapping they chose. */
function carriedUpload(form: Readonly<Record<string, unknown>>) {
  const upload: CarriedUpload = {
    achievementId: formField(form, 'achievementId'),
    fileName: formField(form, 'fileName'),
    csv: formField(form, 'csv'),
  };
  const decoded = decodeCsv(Buffer.from(upload.csv, 'base64'));
  return { upload, text: 'text' in decoded ? decoded.text : '' };
}

function chosenColumns(form: Readonly<Record<string, unknown>>, count: number): (string | null)[] {
  return Array.from({ length: count }, (_, index) => {
    const field = formField(form, `column${index}`);
    return Object.hasOwn(FIELD_LABELS, field) ? field : null;
  });
}

/**
 * `/console/{slug}/bulk`: issuing an achievement to every row of a CSV file in four steps (upload, map
 * the columns, check the dry run, start), then the job's progress and error report. The file travels
 * back in each step's form, so nothing is stored before the person starts the job.
 */
export function mountConsoleBulkRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  async function renderHome(
    c: Context<WebEnv>,
    access: { actor: Actor; workspace: Workspace },
    refusal?: { error: string; status: 400 | 413; achievementId?: string },
  ) {
    const { actor, workspace } = access;
    const canIssue = workspace.role !== 'viewer';
    const jobs = await platform.bulk.list(actor, workspace.issuerId);
    const achievements = canIssue
      ? await platform.achievements.list(actor, { issuerId: workspace.issuerId, status: 'published' })
      : [];
    const achievementNames = await platform.achievements.names([
      ...new Set(jobs.map((job) => job.achievementId)),
    ]);
    return c.html(
      <BulkHomePage
        c={c}
        workspace={workspace}
        canIssue={canIssue}
        achievements={achievements}
        jobs={jobs}
        achievementNames={achievementNames}
        {...(refusal?.achievementId === undefined ? {} : { achievementId: refusal.achievementId })}
        {...(refusal === undefined ? {} : { error: refusal.error })}
      />,
      refusal?.status ?? 200,
    );
  }

  /** The achievement a step names, when the member may issue it (NOT_FOUND for another issuer's). */
  async function publishedAchievement(actor: Actor, id: string): Promise<Achievement | null> {
    if (!UUID.safeParse(id).success) return null;
    const achievement = await platform.achievements.get(actor, id);
    return achievement.status === 'published' ? achievement : null;
  }

  web.get('/console/:slug/bulk', (c) => renderHome(c, consoleWorkspace(c)));

  web.post('/console/:slug/bulk/upload', async (c) => {
    const access = issuingWorkspace(c);
    const t = c.get('t');
    const form = await readForm(c);
    const achievementId = formField(form, 'achievementId');
    const refuse = (error: string, status: 400 | 413 = 400) =>
      renderHome(c, access, { error, status, achievementId });
    const achievement = await publishedAchievement(access.actor, achievementId);
    if (achievement === null) return refuse(t('console.bulk.choosePublished'));
    const file = form.file;
    if (!(file instanceof File) || file.name === '') return refuse(t('console.bulk.chooseFile'));
    if (file.size > CONSOLE_CSV_LIMIT_BYTES) {
      return refuse(
        t('console.bulk.tooLarge', { size: Math.round(CONSOLE_CSV_LIMIT_BYTES / (1024 * 1024)) }),
        413,
      );
    }
    if (file.size === 0) return refuse(t('console.bulk.empty'));
    const type = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!file.name.toLowerCase().endsWith('.csv') && !CSV_TYPES.has(type)) {
      return refuse(t('console.bulk.notCsv'));
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const decoded = decodeCsv(bytes);
    if ('problem' in decoded) {
      return refuse(t(decoded.problem === 'empty' ? 'console.bulk.empty' : 'console.bulk.notCsv'));
    }
    const read = readRecipientCsvHeadings(decoded.text);
    if ('error' in read) return refuse(read.error);
    return c.html(
      <BulkMappingPage
        c={c}
        workspace={access.workspace}
        achievement={achievement}
        upload={{ achievementId, fileName: file.name, csv: Buffer.from(bytes).toString('base64') }}
        headings={read.headings}
        columns={read.headings.map(recipientCsvField)}
      />,
    );
  });

  /**
   * The preview and start steps: the carried file and mapping, checked again (the form came back from
   * the browser); a refusal shows the mapping again with the reason.
   */
  async function mappedUpload(c: Context<WebEnv>) {
    const access = issuingWorkspace(c);
    const t = c.get('t');
    const form = await readForm(c);
    const { upload, text } = carriedUpload(form);
    const achievement = await publishedAchievement(access.actor, upload.achievementId);
    const read = text === '' ? null : readRecipientCsvHeadings(text);
    if (achievement === null || read === null || 'error' in read) {
      return {
        refusal: await renderHome(c, access, {
          error: achievement === null ? t('console.bulk.choosePublished') : t('console.bulk.uploadAgain'),
          status: 400,
        }),
      };
    }
    const columns = chosenColumns(form, read.headings.length);
    const remap = (error: string) =>
      c.html(
        <BulkMappingPage
          c={c}
          workspace={access.workspace}
          achievement={achievement}
          upload={upload}
          headings={read.headings}
          columns={columns}
          error={error}
        />,
        400,
      );
    return { access, form, upload, text, columns, remap };
  }

  web.post('/console/:slug/bulk/preview', async (c) => {
    const step = await mappedUpload(c);
    if ('refusal' in step) return step.refusal;
    const { access, upload, text, columns, remap } = step;
    if (!columns.some((column) => column !== null && RECIPIENT_FIELDS.has(column))) {
      return remap(c.get('t')('console.bulk.needRecipient'));
    }
    try {
      const preview = await platform.bulk.preview(access.actor, {
        achievementId: upload.achievementId,
        format: 'csv',
        text,
        columns,
      });
      return c.html(
        <BulkPreviewPage
          c={c}
          workspace={access.workspace}
          preview={preview}
          upload={upload}
          columns={columns}
        />,
      );
    } catch (error) {
      const message = userMessage(error, c.get('t'));
      if (message === null) throw error;
      return remap(message);
    }
  });

  web.post('/console/:slug/bulk/start', async (c) => {
    const step = await mappedUpload(c);
    if ('refusal' in step) return step.refusal;
    const { access, form, upload, text, columns, remap } = step;
    if (!columns.some((column) => column !== null && RECIPIENT_FIELDS.has(column))) {
      return remap(c.get('t')('console.bulk.needRecipient'));
    }
    try {
      const job = await platform.bulk.create(access.actor, {
        achievementId: upload.achievementId,
        format: 'csv',
        allowDuplicates: formField(form, 'allowDuplicates') === 'true',
        text,
        columns,
      });
      return c.redirect(consolePath(access.workspace, `/bulk/${job.id}`), 303);
    } catch (error) {
      const message = userMessage(error, c.get('t'));
      if (message === null) throw error;
      return remap(message);
    }
  });

  async function jobOf(c: Context<WebEnv>) {
    const { actor, workspace } = consoleWorkspace(c);
    const id = c.req.param('jobId') ?? '';
    const job = UUID.safeParse(id).success ? await platform.bulk.get(actor, id) : null;
    // The use case already hides other issuers' jobs; the slug in the path must name this job's issuer too.
    if (job === null || job.issuerId !== workspace.issuerId) {
      throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such bulk job');
    }
    return { actor, workspace, job };
  }

  async function renderJob(c: Context<WebEnv>, refusal?: { error: string }) {
    const { workspace, job } = await jobOf(c);
    const names = await platform.achievements.names([job.achievementId]);
    // The page follows the job without JavaScript until it is finished. The `Refresh` header (HTML's
    // equivalent of <meta http-equiv="refresh">) rather than the element: axe's meta-refresh rule (WCAG
    // 2.2.1) fails any page carrying a timed <meta> refresh, and the layout has no per-page <head>.
    // A refused cancel is the answer to a POST: reloading it would ask for the form's address, not the job.
    if (refusal === undefined && (job.state === 'queued' || job.state === 'running'))
      c.header('Refresh', '2');
    return c.html(
      <BulkJobPage
        c={c}
        workspace={workspace}
        job={job}
        achievementName={names.get(job.achievementId) ?? job.achievementId}
        canCancel={workspace.role !== 'viewer'}
        {...(refusal === undefined ? {} : { error: refusal.error })}
      />,
      refusal === undefined ? 200 : 400,
    );
  }

  web.get('/console/:slug/bulk/:jobId', (c) => renderJob(c));

  web.post('/console/:slug/bulk/:jobId/cancel', async (c) => {
    const { actor } = issuingWorkspace(c);
    const form = await readForm(c);
    const { workspace, job } = await jobOf(c);
    // The box is the confirmation for pages without script (the script asks as well).
    if (formField(form, 'confirm') !== 'yes') {
      return renderJob(c, { error: c.get('t')('console.bulk.cancelUnconfirmed') });
    }
    try {
      await platform.bulk.cancel(actor, job.id);
    } catch (error) {
      const message = userMessage(error, c.get('t'));
      if (message === null) throw error;
      return renderJob(c, { error: message });
    }
    return c.redirect(consolePath(workspace, `/bulk/${job.id}`), 303);
  });

  web.get('/console/:slug/bulk/:jobId/errors.csv', async (c) => {
    const { actor, job } = await jobOf(c);
    const rows = await platform.bulk.errors(actor, job.id);
    const body =
      csvHeader(['row', 'reason', 'error']) +
      rows.map((row) => csvRow([row.row, row.reason, row.error])).join('');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="bulk-${job.id}-errors.csv"`);
    return c.body(body);
  });
}
