import type { Context, Hono } from 'hono';
import type { Actor } from '../../../domain/auth/actor.js';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import { encodeImageDataUri, hasPngSignature } from '../../../domain/image/image-data-uri.js';
import type { Platform } from '../../../domain/platform.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import { formField, readForm } from '../../shared/web-context.js';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { consolePath, consoleWorkspace } from '../console-context.js';
import { formRefusal } from './form-refusal.js';
import { doneNote } from './organisation-layout.js';
import { LOGO_LIMIT_BYTES, ProfilePage, type ProfileValues, profileValues } from './profile-page.js';

const DONE = {
  profile: 'console.organisation.profile.saved',
  branding: 'console.organisation.branding.saved',
} as const satisfies Record<string, MessageKey>;

type Refused = { readonly status: 400 | 409 | 413; readonly message: string; readonly values: ProfileValues };

/** An optional text field: trimmed, and null when left empty (which clears it). */
function optional(form: Readonly<Record<string, unknown>>, name: string): string | null {
  const value = formField(form, name).trim();
  return value === '' ? null : value;
}

type Logo =
  | { readonly kind: 'none' }
  | { readonly kind: 'file'; readonly dataUri: string }
  | { readonly kind: 'refused'; readonly status: 400 | 413; readonly message: MessageKey };

/**
 * The uploaded logo as a data URI of the type its bytes show; the domain sanitises an SVG as it stores
 * it, whatever the file was called or declared to be.
 */
async function readLogo(file: unknown): Promise<Logo> {
  if (!(file instanceof File) || file.size === 0) return { kind: 'none' };
  if (file.size > LOGO_LIMIT_BYTES) {
    return { kind: 'refused', status: 413, message: 'console.organisation.branding.logoTooLarge' };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (hasPngSignature(bytes)) return { kind: 'file', dataUri: encodeImageDataUri('image/png', bytes) };
  if (/<svg[\s>]/i.test(new TextDecoder().decode(bytes))) {
    return { kind: 'file', dataUri: encodeImageDataUri('image/svg+xml', bytes) };
  }
  return { kind: 'refused', status: 400, message: 'console.organisation.branding.logoType' };
}

/** `/console/{slug}/organisation`: every member reads the profile and branding; owners change them. */
export function mountProfileRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  async function render(
    c: Context<WebEnv>,
    context: { readonly actor: Actor; readonly workspace: Workspace },
    refused?: Refused,
  ) {
    const issuer = await platform.issuers.get(context.actor, context.workspace.issuerId);
    return c.html(
      <ProfilePage
        c={c}
        workspace={context.workspace}
        issuer={issuer}
        values={{ ...profileValues(issuer), ...refused?.values }}
        message={refused === undefined ? doneNote(c, DONE) : undefined}
        error={refused?.message}
      />,
      refused?.status ?? 200,
    );
  }

  /** The change through the same use case as the API's PATCH (which checks the role), then the page. */
  async function save(
    c: Context<WebEnv>,
    patch: Parameters<Platform['issuers']['update']>[2],
    values: ProfileValues,
    done: keyof typeof DONE,
  ) {
    const context = consoleWorkspace(c);
    try {
      await platform.issuers.update(context.actor, context.workspace.issuerId, patch);
    } catch (error) {
      return render(c, context, { ...formRefusal(error, c.get('t')), values });
    }
    return c.redirect(`${consolePath(context.workspace, '/organisation')}?done=${done}`, 303);
  }

  web.get('/console/:slug/organisation', (c) => render(c, consoleWorkspace(c)));

  web.post('/console/:slug/organisation', async (c) => {
    consoleWorkspace(c);
    const form = await readForm(c);
    const patch = {
      name: formField(form, 'name').trim(),
      description: optional(form, 'description'),
      url: optional(form, 'url'),
      email: optional(form, 'email'),
      linkedinOrganizationId: optional(form, 'linkedinOrganizationId'),
    };
    const values = Object.fromEntries(Object.entries(patch).map(([name, value]) => [name, value ?? '']));
    return save(c, patch, values, 'profile');
  });

  web.post('/console/:slug/organisation/branding', async (c) => {
    const context = consoleWorkspace(c);
    const form = await readForm(c);
    const brandColor = optional(form, 'brandColor');
    const values = { brandColor: brandColor ?? '' };
    const logo = await readLogo(form.logo);
    if (logo.kind === 'refused') {
      const message = c.get('t')(logo.message, { size: LOGO_LIMIT_BYTES / 1024 });
      return render(c, context, { status: logo.status, message, values });
    }
    const image =
      logo.kind === 'file'
        ? { id: logo.dataUri }
        : formField(form, 'removeLogo') === 'yes'
          ? null
          : undefined;
    return save(c, { brandColor, ...(image === undefined ? {} : { image }) }, values, 'branding');
  });
}
