import { randomUUID } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { Actor } from '../../../domain/auth/actor.js';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import type { IssueCredentialInput } from '../../../domain/credential/issue-credential.js';
import type { Platform } from '../../../domain/platform.js';
import { correctableMessage } from '../../shared/user-message.js';
import { formField, readForm } from '../../shared/web-context.js';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { consolePath, consoleWorkspace } from '../console-context.js';
import { ISSUE_FIELDS, IssueFormPage, IssuePreviewPage, type IssueValues, NO_VALUES } from './issue-pages.js';

function readValues(form: Readonly<Record<string, unknown>>): IssueValues {
  return Object.fromEntries(ISSUE_FIELDS.map((name) => [name, formField(form, name).trim()])) as Record<
    (typeof ISSUE_FIELDS)[number],
    string
  >;
}

/** The issuance the form describes, for this console's issuer only. */
function issueInput(workspace: Workspace, values: IssueValues, idempotencyKey: string): IssueCredentialInput {
  const evidence = {
    ...(values.evidenceUrl === '' ? {} : { url: values.evidenceUrl }),
    ...(values.evidenceNarrative === '' ? {} : { narrative: values.evidenceNarrative }),
  };
  return {
    achievementId: values.achievementId,
    issuerId: workspace.issuerId,
    recipient: {
      ...(values.recipient.startsWith('did:') ? { did: values.recipient } : { email: values.recipient }),
      ...(values.name === '' ? {} : { name: values.name }),
    },
    ...(Object.keys(evidence).length === 0 ? {} : { evidence: [evidence] }),
    ...(values.narrative === '' ? {} : { narrative: values.narrative }),
    idempotencyKey,
  };
}

/** A key for one preview: confirming the same preview twice issues once. */
function newIdempotencyKey(): string {
  return `console-${randomUUID()}`;
}

async function publishedAchievements(platform: Platform, actor: Actor, workspace: Workspace) {
  return platform.achievements.list(actor, { issuerId: workspace.issuerId, status: 'published', limit: 500 });
}

/**
 * Issuing to one recipient in two steps: the form is previewed as the credential will read (nothing
 * signed), then confirmed. The confirmation carries the preview's idempotency key, so a form sent twice
 * issues once, and issues again to someone who already holds the achievement only when asked to.
 */
export function mountIssueRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  async function renderForm(c: Context<WebEnv>, values: IssueValues, error?: string) {
    const { actor, workspace } = consoleWorkspace(c);
    const achievements = await publishedAchievements(platform, actor, workspace);
    return c.html(
      <IssueFormPage
        c={c}
        workspace={workspace}
        achievements={achievements}
        values={values}
        {...(error === undefined ? {} : { error })}
      />,
      error === undefined ? 200 : 400,
    );
  }

  web.get('/console/:slug/issue', (c) => renderForm(c, NO_VALUES));

  web.post('/console/:slug/issue/preview', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    const form = await readForm(c);
    const values = readValues(form);
    if (formField(form, 'edit') === 'yes') return renderForm(c, values);
    const idempotencyKey = newIdempotencyKey();
    try {
      const preview = await platform.credentials.preview(
        actor,
        issueInput(workspace, values, idempotencyKey),
      );
      return c.html(
        <IssuePreviewPage
          c={c}
          workspace={workspace}
          preview={preview}
          values={values}
          idempotencyKey={idempotencyKey}
        />,
      );
    } catch (error) {
      const message = correctableMessage(error, c.get('t'));
      if (message === null) throw error;
      return renderForm(c, values, message);
    }
  });

  web.post('/console/:slug/issue', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    const form = await readForm(c);
    const values = readValues(form);
    const idempotencyKey = formField(form, 'idempotencyKey');
    if (!/^console-[0-9a-f-]{36}$/.test(idempotencyKey)) {
      return renderForm(c, values, c.get('t')('console.issue.expired'));
    }
    const input = issueInput(workspace, values, idempotencyKey);
    const detail = (id: string) => `${consolePath(workspace, `/credentials/${id}`)}?done=issued`;
    try {
      const preview = await platform.credentials.preview(actor, input);
      // This preview was confirmed already (a second click, a resent form): show what it issued.
      if (preview.alreadyIssued !== null) return c.redirect(detail(preview.alreadyIssued.id), 303);
      if (preview.holdings.length > 0 && formField(form, 'issueAnyway') !== 'yes') {
        return c.html(
          <IssuePreviewPage
            c={c}
            workspace={workspace}
            preview={preview}
            values={values}
            idempotencyKey={idempotencyKey}
            error={c.get('t')('console.issue.confirmDuplicate')}
          />,
          400,
        );
      }
      const issued = await platform.credentials.issue(actor, input);
      return c.redirect(detail(issued.record.id), 303);
    } catch (error) {
      const message = correctableMessage(error, c.get('t'));
      if (message === null) throw error;
      return renderForm(c, values, message);
    }
  });
}
