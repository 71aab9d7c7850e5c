import type { Context, Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { Actor } from '../../../domain/auth/actor.js';
import { resourceNotFound } from '../../../domain/auth/resource-not-found.js';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import type { IssuedSearch } from '../../../domain/credential/issued-credentials.js';
import { ServerError, ServerErrorCode } from '../../../domain/error/server-error.js';
import type { Platform } from '../../../domain/platform.js';
import type { Achievement, IssuedCredential } from '../../../domain/ports/index.js';
import { csvHeader, csvRow } from '../../../presenters/csv.js';
import { correctableMessage } from '../../shared/user-message.js';
import { formField, readForm } from '../../shared/web-context.js';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { consolePath, consoleWorkspace } from '../console-context.js';
import { DONE_MESSAGES, isDone } from './credential-words.js';
import { CredentialDetailPage, type CredentialFilters, CredentialListPage } from './credentials-pages.js';

const PAGE_SIZE = 50;
const EXPORT_BATCH = 1000;
/** An export stops here: past it a filter is the better tool, and the request stays bounded. */
const EXPORT_CAP = 100_000;

// The export's columns are data for spreadsheets and scripts: the same names whatever the page's language.
const EXPORT_COLUMNS = [
  'id',
  'url',
  'achievement',
  'recipient name',
  'recipient DID',
  'state',
  'issued',
  'valid until',
  'revoked at',
  'reason',
];

function readFilters(c: Context<WebEnv>): CredentialFilters {
  const value = (name: string) => (c.req.query(name) ?? '').trim();
  return {
    recipient: value('recipient'),
    achievement: value('achievement'),
    state: value('state'),
    from: value('from'),
    to: value('to'),
  };
}

/** The filters as the search use case takes them (its schema judges them). */
function toSearch(filters: CredentialFilters): IssuedSearch {
  return {
    ...(filters.recipient === '' ? {} : { recipient: filters.recipient }),
    ...(filters.achievement === '' ? {} : { achievementId: filters.achievement }),
    ...(filters.state === '' ? {} : { state: filters.state as NonNullable<IssuedSearch['state']> }),
    ...(filters.from === '' ? {} : { from: filters.from }),
    ...(filters.to === '' ? {} : { to: filters.to }),
  };
}

function pageNumber(c: Context<WebEnv>): number {
  const page = Number(c.req.query('page') ?? '1');
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}

/** The issuer's achievements (for the filter) and the names of those the rows mention. */
async function achievementsOf(
  platform: Platform,
  actor: Actor,
  workspace: Workspace,
  mentioned: readonly string[],
): Promise<{ achievements: Achievement[]; names: Map<string, string> }> {
  const achievements = await platform.achievements.list(actor, { issuerId: workspace.issuerId, limit: 500 });
  const names = new Map(achievements.map((achievement) => [achievement.id, achievement.name]));
  const missing = [...new Set(mentioned)].filter((id) => !names.has(id));
  for (const [id, name] of await platform.achievements.names(missing)) names.set(id, name);
  return { achievements, names };
}

/** The credential `id` if it belongs to this console's issuer (the administrator's actor reaches every issuer). */
async function issuedHere(platform: Platform, actor: Actor, workspace: Workspace, id: string) {
  const issued = await platform.credentials.getIssued(actor, id);
  if (issued.record.issuerId !== workspace.issuerId) throw resourceNotFound('credential');
  return issued;
}

const ACTIONS = ['revoke', 'suspend', 'reinstate'] as const;
type Action = (typeof ACTIONS)[number];
const ACTION_DONE = {
  revoke: 'revoked',
  suspend: 'suspended',
  reinstate: 'reinstated',
} as const satisfies Record<Action, keyof typeof DONE_MESSAGES>;

/**
 * The console's credentials: the filtered list and its CSV export, a credential's detail and history,
 * and revoking, suspending and reinstating it (issuer role, checked by the use cases).
 */
export function mountCredentialRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  async function renderDetail(
    c: Context<WebEnv>,
    options: { readonly status?: 200 | 400; readonly error?: string; readonly reason?: string } = {},
  ) {
    const { actor, workspace } = consoleWorkspace(c);
    const issued = await issuedHere(platform, actor, workspace, c.req.param('id') ?? '');
    const history = await platform.credentials.history(actor, issued.record.id);
    const walletCopies = await platform.credentials.walletCopies(actor, issued.record.id);
    const names = await platform.achievements.names([issued.record.achievementId]);
    const done = c.req.query('done');
    return c.html(
      <CredentialDetailPage
        c={c}
        workspace={workspace}
        issued={issued}
        achievementName={names.get(issued.record.achievementId) ?? issued.record.achievementId}
        history={history}
        walletCopies={walletCopies}
        {...(isDone(done) && options.error === undefined ? { message: c.get('t')(DONE_MESSAGES[done]) } : {})}
        {...(options.error === undefined ? {} : { error: options.error })}
        {...(options.reason === undefined ? {} : { reason: options.reason })}
      />,
      options.status ?? 200,
    );
  }

  web.get('/console/:slug/credentials', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    const filters = readFilters(c);
    const page = pageNumber(c);
    let found: { items: IssuedCredential[]; total: number } | null = null;
    let error: string | undefined;
    try {
      found = await platform.credentials.searchIssued(actor, workspace.issuerId, {
        ...toSearch(filters),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
    } catch (caught) {
      const message = correctableMessage(caught, c.get('t'));
      if (message === null) throw caught;
      error = message;
    }
    const { achievements, names } = await achievementsOf(
      platform,
      actor,
      workspace,
      found?.items.map((item) => item.record.achievementId) ?? [],
    );
    return c.html(
      <CredentialListPage
        c={c}
        workspace={workspace}
        filters={filters}
        achievements={achievements}
        achievementNames={names}
        found={found}
        page={page}
        pageSize={PAGE_SIZE}
        exportCap={EXPORT_CAP}
        {...(error === undefined ? {} : { error })}
      />,
      error === undefined ? 200 : 400,
    );
  });

  web.get('/console/:slug/credentials.csv', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    const search = toSearch(readFilters(c));
    const fetchPage = (offset: number) =>
      platform.credentials.searchIssued(actor, workspace.issuerId, {
        ...search,
        limit: EXPORT_BATCH,
        offset,
      });
    // The first page before the answer starts: a refused filter or role is still an error page.
    const first = await fetchPage(0);
    const names = (await achievementsOf(platform, actor, workspace, [])).names;
    const nameOf = async (id: string) => {
      if (!names.has(id))
        for (const [found, name] of await platform.achievements.names([id])) names.set(found, name);
      return names.get(id) ?? '';
    };
    c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
    c.header('Content-Disposition', `attachment; filename="${workspace.slug}-credentials.csv"`);
    return stream(
      c,
      async (out) => {
        await out.write(csvHeader(EXPORT_COLUMNS));
        // Newest first with offsets: a credential issued meanwhile shifts the pages, so one may come twice.
        const written = new Set<string>();
        let batch = first.items;
        let offset = 0;
        while (batch.length > 0 && written.size < EXPORT_CAP && !out.aborted) {
          let text = '';
          for (const { record, state } of batch) {
            if (written.has(record.id) || written.size >= EXPORT_CAP) continue;
            written.add(record.id);
            text += csvRow([
              record.id,
              `${platform.publicUrl}/credentials/${record.id}`,
              await nameOf(record.achievementId),
              record.recipientName,
              record.recipientDid,
              state,
              record.issuedAt,
              record.validUntil,
              record.revokedAt,
              record.revocationReason ?? record.suspensionReason,
            ]);
          }
          await out.write(text);
          if (batch.length < EXPORT_BATCH) break;
          offset += EXPORT_BATCH;
          batch = (await fetchPage(offset)).items;
        }
      },
      async (error) => {
        // The answer has begun: the file ends short, and the cause goes to the log, not to the reader.
        c.get('logger')?.error({ err: error }, 'credentials export failed');
      },
    );
  });

  web.get('/console/:slug/credentials/:id', (c) => renderDetail(c));

  for (const action of ACTIONS) {
    web.post(`/console/:slug/credentials/:id/${action}`, async (c) => {
      const { actor, workspace } = consoleWorkspace(c);
      const form = await readForm(c);
      const id = c.req.param('id') ?? '';
      const reason = formField(form, 'reason').trim();
      const t = c.get('t');
      await issuedHere(platform, actor, workspace, id);
      try {
        if (action === 'revoke') {
          // The box is the confirmation for pages without script (the script asks as well).
          if (formField(form, 'confirm') !== 'yes') {
            // The use case would refuse a viewer whatever the box says: answer as it would.
            if (workspace.role === 'viewer')
              throw new ServerError(
                ServerErrorCode.FORBIDDEN,
                'the role viewer may not do this; it needs issuer',
              );
            return renderDetail(c, {
              status: 400,
              error: t('console.credentials.revokeUnconfirmed'),
              reason,
            });
          }
          await platform.credentials.revoke(actor, id, { reason });
        } else if (action === 'suspend') {
          await platform.credentials.suspend(actor, id, { reason });
        } else {
          await platform.credentials.reinstate(actor, id, reason === '' ? {} : { reason });
        }
      } catch (error) {
        const message = correctableMessage(error, c.get('t'));
        if (message === null) throw error;
        return renderDetail(c, { status: 400, error: message, reason });
      }
      return c.redirect(`${consolePath(workspace, `/credentials/${id}`)}?done=${ACTION_DONE[action]}`, 303);
    });
  }
}
