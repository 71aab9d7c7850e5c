import { z } from 'zod';
import { PUBLIC_PROFILE_LIMITS } from '../earner/public-profile.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { Earner, JsonObject } from '../ports/index.js';

/** The earner's OB 3.0 Profile: their name, first verified address and public portfolio, if any. */
async function profileOf(context: PlatformContext, earner: Earner): Promise<JsonObject> {
  const emails = await context.storage.earnerEmails.list({ earnerId: earner.id });
  const email = emails.find((item) => item.verifiedAt !== null)?.email;
  return {
    id: `urn:uuid:${earner.id}`,
    type: ['Profile'],
    ...(earner.displayName === null ? {} : { name: earner.displayName }),
    ...(email === undefined ? {} : { email }),
    ...(earner.handle === null ? {} : { url: `${context.publicUrl}/u/${earner.handle}` }),
    ...(earner.headline === null ? {} : { description: earner.headline }),
  };
}

async function earnerOf(context: PlatformContext, earnerId: string): Promise<Earner> {
  const earner = await context.storage.earners.findById({ id: earnerId });
  if (earner === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such profile');
  return earner;
}

/** OB 3.0 getProfile. */
export async function hostedProfile(context: PlatformContext, earnerId: string): Promise<JsonObject> {
  return profileOf(context, await earnerOf(context, earnerId));
}

const ProfileSchema = z.looseObject({
  id: z.string(),
  type: z.union([z.literal('Profile'), z.tuple([z.literal('Profile')])]),
  // The account's own limits: the settings page's display name and the portfolio's headline.
  name: z.string().trim().max(100).optional(),
  description: z.string().trim().max(PUBLIC_PROFILE_LIMITS.headline).optional(),
  email: z.string().optional(),
  url: z.string().optional(),
});

/** What the earner's account holds of a Profile: the rest of the OB 3.0 Profile has nowhere to be kept. */
const KEPT = new Set(['id', 'type', 'name', 'description', 'email', 'url']);

function refuse(message: string): ServerError {
  return new ServerError(ServerErrorCode.VALIDATION_ERROR, message);
}

/**
 * OB 3.0 putProfile: the whole Profile is sent and replaces the one held, so what comes back (and what
 * getProfile reads next) is what was sent. The account holds a profile's name and description (the
 * display name and the portfolio's headline); an absent one is cleared. Its id, email address and page
 * are the account's own: sent back unchanged (or left out) they are kept, changed they are refused, as is
 * any property the account cannot keep, rather than dropped without a word. Refusals are 400 (invalid_data).
 */
export async function updateHostedProfile(
  context: PlatformContext,
  earnerId: string,
  body: unknown,
): Promise<JsonObject> {
  const parsed = ProfileSchema.safeParse(body);
  if (!parsed.success)
    throw refuse(
      `not a Profile: ${parsed.error.issues[0]?.path.join('.') || 'body'} ${parsed.error.issues[0]?.message ?? ''}`.trim(),
    );
  const current = await profileOf(context, await earnerOf(context, earnerId));
  const profile = parsed.data;
  if (profile.id !== current.id)
    throw refuse(
      `the id ${profile.id} is not this account's profile (${String(current.id)}); it cannot change`,
    );
  const unkept = Object.keys(profile).filter((key) => !KEPT.has(key));
  if (unkept.length > 0)
    throw refuse(`this account keeps only a profile's name and description, not ${unkept.join(', ')}`);
  if (profile.email !== undefined && profile.email !== current.email)
    throw refuse('the email address is changed in the account settings, where it is verified');
  if (profile.url !== undefined && profile.url !== current.url)
    throw refuse("the url is the earner's public page, set by their handle in the account settings");
  const updated = await context.storage.earners.update({
    id: earnerId,
    displayName: profile.name === undefined || profile.name === '' ? null : profile.name,
    headline: profile.description === undefined || profile.description === '' ? null : profile.description,
  });
  return profileOf(context, updated);
}
