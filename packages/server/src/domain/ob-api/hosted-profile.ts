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
  type: z.union([z.literal('Profile'), z.array(z.string()).refine((types) => types.includes('Profile'))]),
  // The account's own limits: the settings page's display name and the portfolio's headline.
  name: z.string().trim().max(100).optional(),
  description: z.string().trim().max(PUBLIC_PROFILE_LIMITS.headline).optional(),
});

/**
 * OB 3.0 putProfile: the whole Profile is sent; the name and description are what an earner's account
 * holds of it (the display name and the portfolio's headline). The rest (addresses, the id) the earner
 * changes here only, so it is left as it is, and the answer shows the profile as it now stands.
 */
export async function updateHostedProfile(
  context: PlatformContext,
  earnerId: string,
  body: unknown,
): Promise<JsonObject> {
  const parsed = ProfileSchema.safeParse(body);
  if (!parsed.success)
    throw new ServerError(
      ServerErrorCode.VALIDATION_ERROR,
      `not a Profile: ${parsed.error.issues[0]?.path.join('.') || 'body'} ${parsed.error.issues[0]?.message ?? ''}`.trim(),
    );
  await earnerOf(context, earnerId);
  const updated = await context.storage.earners.update({
    id: earnerId,
    ...(parsed.data.name === undefined
      ? {}
      : { displayName: parsed.data.name === '' ? null : parsed.data.name }),
    ...(parsed.data.description === undefined
      ? {}
      : { headline: parsed.data.description === '' ? null : parsed.data.description }),
  });
  return profileOf(context, updated);
}
