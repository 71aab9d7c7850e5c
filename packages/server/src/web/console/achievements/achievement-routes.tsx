import type { Context, Hono } from 'hono';
import { defaultBadgeSvg } from '../../../domain/achievement/default-badge-svg.js';
import type { Actor } from '../../../domain/auth/actor.js';
import { resourceNotFound } from '../../../domain/auth/resource-not-found.js';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import { ServerError, ServerErrorCode } from '../../../domain/error/server-error.js';
import { encodeImageDataUri } from '../../../domain/image/image-data-uri.js';
import { readStoredImage } from '../../../domain/image/read-stored-image.js';
import type { Platform } from '../../../domain/platform.js';
import {
  ACHIEVEMENT_STATUSES,
  type Achievement,
  type AchievementStatus,
  type ImageRef,
} from '../../../domain/ports/index.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import { formField, readForm } from '../../shared/web-context.js';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { consolePath, consoleWorkspace } from '../console-context.js';
import {
  type AchievementFormValues,
  BadgeInputError,
  blankValues,
  chosenImage,
  creationOf,
  type FieldError,
  fieldErrorsOf,
  patchOf,
  postedFile,
  readValues,
  valuesOf,
} from './achievement-form.js';
import { AchievementOutcomesSection } from './achievement-outcomes-section.js';
import {
  AchievementFormPage,
  AchievementListPage,
  AchievementViewPage,
  type BadgePicture,
  DONE_MESSAGES,
  type Done,
  mayEdit,
} from './achievement-pages.js';
import type { EscoPickerState } from './esco-skill-picker.js';
import { type EscoPicking, pickEscoSkill } from './pick-esco-skill.js';

const PAGE_SIZE = 50;

const BADGE_REFUSALS = {
  missing: 'console.achievements.image.missing',
  tooLarge: 'console.achievements.image.tooLarge',
  notAnImage: 'console.achievements.image.notAnImage',
  badDesign: 'console.achievements.design.invalid',
} as const satisfies Record<BadgeInputError['reason'], MessageKey>;

// What the achievement-changing actions are allowed from, and the word the page then shows.
const STATUS_ACTIONS = {
  publish: { from: 'draft', to: 'published', done: 'published' },
  archive: { from: 'published', to: 'archived', done: 'archived' },
  restore: { from: 'archived', to: 'published', done: 'restored' },
} as const satisfies Record<string, { from: AchievementStatus; to: AchievementStatus; done: Done }>;

/** Viewers read; the forms are not even offered to them (and the use cases refuse them anyway). */
function requireEditor(workspace: Workspace): void {
  if (!mayEdit(workspace)) {
    throw new ServerError(ServerErrorCode.FORBIDDEN, 'the role viewer may not change achievements');
  }
}

/** An achievement of this workspace's issuer, or NOT_FOUND (the administrator sees every issuer's). */
async function ownAchievement(platform: Platform, actor: Actor, workspace: Workspace, id: string) {
  const achievement = await platform.achievements.get(actor, id);
  if (achievement.issuerId !== workspace.issuerId) throw resourceNotFound('achievement');
  return achievement;
}

/** A stored (or chosen) badge as the page shows it: sanitised, inline, or the generated one. */
function pictureOf(
  c: Context<WebEnv>,
  image: ImageRef | null,
  name: string,
  issuerName: string,
): BadgePicture {
  const alt = c.get('t')('credential.badgeAlt', { name });
  const stored = readStoredImage(image);
  if (stored?.kind === 'link') return { src: stored.url, alt };
  // Inline, so that a draft's badge shows although the public image route serves published ones only.
  const file = stored ?? {
    mediaType: 'image/svg+xml' as const,
    bytes: new TextEncoder().encode(defaultBadgeSvg({ name, issuerName })),
  };
  return { src: encodeImageDataUri(file.mediaType, file.bytes), alt };
}

function doneOf(c: Context<WebEnv>): Done | undefined {
  const done = c.req.query('done');
  return done !== undefined && Object.hasOwn(DONE_MESSAGES, done) ? (done as Done) : undefined;
}

/** The form's image, read and checked as far as the page can: a refusal names the input it belongs to. */
async function imageOf(
  c: Context<WebEnv>,
  values: AchievementFormValues,
  form: Readonly<Record<string, unknown>>,
): Promise<{ image: string | undefined; values: AchievementFormValues; errors: FieldError[] }> {
  try {
    const image = await chosenImage(values, postedFile(form, 'image'));
    // A file input cannot be filled in again: the upload rides along until the form is saved.
    const pendingImage = values.imageSource === 'upload' && image !== undefined ? image : values.pendingImage;
    return { image, values: { ...values, pendingImage }, errors: [] };
  } catch (error) {
    if (!(error instanceof BadgeInputError)) throw error;
    const message = c.get('t')(BADGE_REFUSALS[error.reason]);
    return { image: undefined, values, errors: [{ field: error.field, message }] };
  }
}

/** The ESCO picker of the form, offered only once the framework is imported. */
async function escoPickerOf(platform: Platform, picking?: EscoPicking): Promise<EscoPickerState | null> {
  if ((await platform.skills.framework('esco')) === null) return null;
  return { matches: picking?.matches ?? null };
}

/**
 * A post of the designer form, for a new achievement (`current` null) or an edit: a preview or an ESCO
 * search or pick re-renders the form with every value kept (nothing saved); a save that the domain refuses
 * re-renders it with the errors on their fields; a save that works redirects where `save` says.
 */
async function postDesigner(
  c: Context<WebEnv>,
  platform: Platform,
  workspace: Workspace,
  current: Achievement | null,
  save: (values: AchievementFormValues, image: ImageRef | undefined) => Promise<string>,
): Promise<Response> {
  const form = await readForm(c);
  const read = await imageOf(c, readValues(form), form);
  const { image, values } = read;
  const render = async (
    errors: readonly FieldError[],
    status: 200 | 400,
    preview: boolean,
    picking?: EscoPicking,
  ) =>
    c.html(
      <AchievementFormPage
        c={c}
        workspace={workspace}
        achievement={current}
        values={picking?.values ?? values}
        errors={errors}
        preview={preview}
        escoPicker={await escoPickerOf(platform, picking)}
        {...(current === null
          ? {}
          : { currentBadge: pictureOf(c, current.image, current.name, workspace.name) })}
        {...(image === undefined ? {} : { badge: pictureOf(c, { id: image }, values.name, workspace.name) })}
      />,
      status,
    );
  if (formField(form, 'intent') === 'preview')
    return render(read.errors, read.errors.length === 0 ? 200 : 400, true);
  const picking = await pickEscoSkill(platform, c.get('t'), form, values);
  if (picking !== null) {
    const errors = [...read.errors, ...picking.errors];
    return render(errors, errors.length === 0 ? 200 : 400, false, picking);
  }
  if (read.errors.length > 0) return render(read.errors, 400, false);
  try {
    return c.redirect(
      await save(values, image === undefined ? undefined : { id: image, caption: values.name }),
      303,
    );
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (errors === null) throw error;
    return render(errors, 400, false);
  }
}

/** `/console/{slug}/achievements…`: the issuer's achievements, their designer and their status. */
export function mountConsoleAchievementRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/console/:slug/achievements', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    const asked = c.req.query('status');
    const status = ACHIEVEMENT_STATUSES.find((known) => known === asked);
    const page = Math.max(1, Math.min(1000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const found = await platform.achievements.list(actor, {
      issuerId: workspace.issuerId,
      ...(status === undefined ? {} : { status }),
      limit: PAGE_SIZE + 1,
      offset: (page - 1) * PAGE_SIZE,
    });
    return c.html(
      <AchievementListPage
        c={c}
        workspace={workspace}
        achievements={found.slice(0, PAGE_SIZE)}
        status={status}
        page={page}
        hasNext={found.length > PAGE_SIZE}
      />,
    );
  });

  web.get('/console/:slug/achievements/new', async (c) => {
    const { workspace } = consoleWorkspace(c);
    requireEditor(workspace);
    return c.html(
      <AchievementFormPage
        c={c}
        workspace={workspace}
        achievement={null}
        values={blankValues()}
        escoPicker={await escoPickerOf(platform)}
      />,
    );
  });

  web.post('/console/:slug/achievements', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    requireEditor(workspace);
    return postDesigner(c, platform, workspace, null, async (values, image) => {
      const created = await platform.achievements.create(
        actor,
        creationOf(values, workspace.issuerId, image),
      );
      return consolePath(workspace, `/achievements/${created.id}?done=created`);
    });
  });

  web.get('/console/:slug/achievements/:id', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    const achievement = await ownAchievement(platform, actor, workspace, c.req.param('id'));
    const currentBadge = pictureOf(c, achievement.image, achievement.name, workspace.name);
    const outcomes = (
      <AchievementOutcomesSection
        c={c}
        outcomes={await platform.outcomes.forAchievement(actor, achievement.id)}
      />
    );
    if (!mayEdit(workspace)) {
      return c.html(
        <AchievementViewPage
          c={c}
          workspace={workspace}
          achievement={achievement}
          badge={currentBadge}
          outcomes={outcomes}
        />,
      );
    }
    const done = doneOf(c);
    return c.html(
      <AchievementFormPage
        c={c}
        workspace={workspace}
        achievement={achievement}
        values={valuesOf(achievement)}
        currentBadge={currentBadge}
        escoPicker={await escoPickerOf(platform)}
        outcomes={outcomes}
        {...(done === undefined ? {} : { done })}
      />,
    );
  });

  web.post('/console/:slug/achievements/:id', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    requireEditor(workspace);
    const current: Achievement = await ownAchievement(platform, actor, workspace, c.req.param('id'));
    return postDesigner(c, platform, workspace, current, async (values, image) => {
      await platform.achievements.update(actor, current.id, patchOf(values, current, image));
      return consolePath(workspace, `/achievements/${current.id}?done=saved`);
    });
  });

  web.post('/console/:slug/achievements/:id/status', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    requireEditor(workspace);
    const form = await readForm(c);
    const current = await ownAchievement(platform, actor, workspace, c.req.param('id'));
    const asked = formField(form, 'action');
    const action = Object.hasOwn(STATUS_ACTIONS, asked)
      ? STATUS_ACTIONS[asked as keyof typeof STATUS_ACTIONS]
      : undefined;
    if (action === undefined) throw new ServerError(ServerErrorCode.VALIDATION_ERROR, 'no such action');
    if (current.status !== action.from) {
      throw new ServerError(
        ServerErrorCode.CONFLICT,
        `this achievement is ${current.status}, not ${action.from}`,
      );
    }
    await platform.achievements.update(actor, current.id, { status: action.to });
    return c.redirect(consolePath(workspace, `/achievements/${current.id}?done=${action.done}`), 303);
  });
}
