import { randomUUID } from 'node:crypto';
import { CLR_CONTEXT, CREDENTIALS_V2_CONTEXT } from '@microcred/vc';
import { z } from 'zod';
import { recipientLookupHash } from '../credential/recipient-lookup-hash.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { normalizeEmail } from '../identity/normalize-email.js';
import type { PlatformContext } from '../platform-context.js';
import type { Earner, EarnerEmail, JsonObject } from '../ports/index.js';
import { verifyEmailMail } from './earner-mails.js';
import { EmailSchema, linkUnusable } from './earner-sessions.js';
import { hashSecret, LINK_LIFETIMES_MS, newSecret } from './email-links.js';
import { listPortfolio } from './portfolio.js';

// Paths of the site that a handle must not shadow if handles ever move to the root.
const RESERVED_HANDLES = new Set([
  'admin',
  'api',
  'me',
  'account',
  'settings',
  'verify',
  'issuers',
  'pathways',
]);

export const ProfileInputSchema = z.strictObject({
  displayName: z.string().trim().max(100).optional(),
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?:[a-z0-9](?:[a-z0-9-]{1,30}[a-z0-9]))?$/, {
      error: '3 to 32 letters, digits or hyphens, not starting or ending with a hyphen',
    })
    .refine((handle) => !RESERVED_HANDLES.has(handle), { error: 'this handle is reserved' })
    .optional(),
  locale: z.string().max(10).optional(),
});

export async function getEarner(context: PlatformContext, earnerId: string): Promise<Earner> {
  const earner = await context.storage.earners.findById({ id: earnerId });
  if (earner === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such account');
  return earner;
}

/** Display name, public handle (empty removes it), language. */
export async function updateProfile(
  context: PlatformContext,
  earnerId: string,
  raw: z.input<typeof ProfileInputSchema>,
): Promise<Earner> {
  const input = ProfileInputSchema.parse(raw);
  return context.storage.earners.update({
    id: earnerId,
    ...(input.displayName === undefined
      ? {}
      : { displayName: input.displayName === '' ? null : input.displayName }),
    ...(input.handle === undefined ? {} : { handle: input.handle === '' ? null : input.handle }),
    ...(input.locale === undefined ? {} : { locale: input.locale }),
  });
}

export async function listEmails(context: PlatformContext, earnerId: string): Promise<EarnerEmail[]> {
  return context.storage.earnerEmails.list({ earnerId });
}

/** Adds an address, unverified, and mails it a confirmation link. */
export async function addEmail(
  context: PlatformContext,
  earnerId: string,
  input: { readonly email: string; readonly locale: string },
): Promise<void> {
  const email = normalizeEmail(EmailSchema.parse(input.email));
  const lookupHash = recipientLookupHash(context.recipientPepper, email);
  const secret = newSecret();
  const now = context.now();
  await context.storage.transaction(async (repositories) => {
    await repositories.earnerEmails.put({ earnerId, email, lookupHash, verifiedAt: null });
    await repositories.emailTokens.create([
      {
        tokenHash: hashSecret(secret),
        purpose: 'verify-email',
        email,
        earnerId,
        credentialId: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + LINK_LIFETIMES_MS['verify-email']),
      },
    ]);
    await repositories.mailOutbox.enqueue([
      verifyEmailMail({
        to: email,
        locale: input.locale,
        link: `${context.publicUrl}/account/emails/verify/${secret}`,
      }),
    ]);
  });
}

/**
 * Confirms an address from its link: credentials sent to it join the account's portfolio. CONFLICT when
 * another account has confirmed it first. Returns the account.
 */
export async function verifyEmail(context: PlatformContext, secret: string): Promise<string> {
  return context.storage.transaction(async (repositories) => {
    const token = await repositories.emailTokens.use({
      tokenHash: hashSecret(secret),
      purpose: 'verify-email',
      at: context.now(),
    });
    if (token === null || token.earnerId === null) throw linkUnusable();
    const lookupHash = recipientLookupHash(context.recipientPepper, token.email);
    const owner = await repositories.earnerEmails.findVerified({ lookupHash });
    if (owner !== null && owner.earnerId !== token.earnerId) {
      throw new ServerError(ServerErrorCode.CONFLICT, 'this address is already confirmed on another account');
    }
    await repositories.earnerEmails.put({
      earnerId: token.earnerId,
      email: token.email,
      lookupHash,
      verifiedAt: context.now(),
    });
    return token.earnerId;
  });
}

/** Why removing an address is refused when it is the account's only confirmed one. */
export const LAST_CONFIRMED_ADDRESS = 'last-confirmed-address';

/** Removes an address; its credentials leave the portfolio. The last confirmed address cannot go. */
export async function removeEmail(
  context: PlatformContext,
  earnerId: string,
  emailId: string,
): Promise<void> {
  const emails = await context.storage.earnerEmails.list({ earnerId });
  const target = emails.find((email) => email.id === emailId);
  if (target === undefined) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such address');
  const otherVerified = emails.filter((email) => email.id !== emailId && email.verifiedAt !== null);
  if (target.verifiedAt !== null && otherVerified.length === 0) {
    throw new ServerError(
      ServerErrorCode.CONFLICT,
      'an account keeps at least one confirmed address: delete the account instead',
      { details: { reason: LAST_CONFIRMED_ADDRESS } },
    );
  }
  await context.storage.earnerEmails.remove({ earnerId, emailId });
}

/**
 * Everything the platform holds about an earner (GDPR art. 15 and 20): profile, addresses, every credential
 * as signed (JSON, and the VC-JWT where there is one), choices, imports, followed pathways.
 */
export async function exportAccount(context: PlatformContext, earnerId: string): Promise<JsonObject> {
  const earner = await getEarner(context, earnerId);
  const [emails, items, follows, photo] = await Promise.all([
    context.storage.earnerEmails.list({ earnerId }),
    listPortfolio(context, earnerId),
    context.storage.pathwayFollows.list({ earnerId }),
    context.storage.earnerPhotos.find({ earnerId }),
  ]);
  // The photo as the platform keeps it (the uploaded file, with its metadata, was never stored).
  const photoBytes =
    photo === null
      ? null
      : await context.storage.earnerPhotos.readBytes({ earnerId, digest: photo.digest, size: 'large' });
  return {
    exportedAt: context.now().toISOString(),
    profile: {
      displayName: earner.displayName,
      handle: earner.handle,
      locale: earner.locale,
      headline: earner.headline,
      links: earner.links.map((link) => ({ label: link.label, url: link.url })),
      featured: [...earner.featured],
      photo:
        photoBytes === null ? null : `data:image/jpeg;base64,${Buffer.from(photoBytes).toString('base64')}`,
      createdAt: earner.createdAt.toISOString(),
    },
    emails: emails.map((email) => ({
      email: email.email,
      verifiedAt: email.verifiedAt?.toISOString() ?? null,
    })),
    credentials: items.flatMap((item) =>
      item.kind === 'issued'
        ? [
            {
              id: item.credential.id,
              choice: item.choice,
              visibility: item.visibility,
              standing: item.standing,
              credential: item.credential.document,
              ...(item.credential.jwt === null ? {} : { jwt: item.credential.jwt }),
            },
          ]
        : [],
    ),
    imported: items.flatMap((item) =>
      item.kind === 'imported'
        ? [
            {
              id: item.imported.id,
              visibility: item.visibility,
              verified: item.imported.verified,
              sourceUrl: item.imported.sourceUrl,
              importedAt: item.imported.importedAt.toISOString(),
              credential: item.imported.document,
              ...(item.imported.jwt === null ? {} : { jwt: item.imported.jwt }),
            },
          ]
        : [],
    ),
    followedPathways: follows,
  };
}

/**
 * The earner's accepted, verified credentials as an unsigned CLR 2.0 ClrCredential: each credential inside
 * keeps its own issuer's proof, so any CLR-aware platform can take the bundle and verify every part. It is
 * "ready" rather than signed because the earner, not this platform, is its author.
 */
export async function exportClrBundle(context: PlatformContext, earnerId: string): Promise<JsonObject> {
  const earner = await getEarner(context, earnerId);
  const items = await listPortfolio(context, earnerId);
  const now = context.now().toISOString();
  const verifiableCredential = items.flatMap((item) => {
    if (item.standing !== 'verified') return [];
    if (item.kind === 'issued') return item.choice === 'accepted' ? [item.credential.document] : [];
    return [item.imported.document];
  });
  return {
    '@context': [CREDENTIALS_V2_CONTEXT, CLR_CONTEXT],
    id: `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential', 'ClrCredential'],
    // The earner assembles the record; each credential inside carries its own issuer and proof.
    issuer: {
      id: earner.handle === null ? `urn:uuid:${earner.id}` : `${context.publicUrl}/u/${earner.handle}`,
      type: ['Profile'],
      name: earner.displayName ?? earner.handle ?? 'Learner',
    },
    name: `${earner.displayName ?? earner.handle ?? 'Learner'}: comprehensive learner record`,
    validFrom: now,
    credentialSubject: {
      type: ['ClrSubject'],
      verifiableCredential,
    },
  };
}

/**
 * Deletes the account and all it owns. Credentials stay issued (they are the issuers' records), unclaimed;
 * those it declined or made private stay hidden.
 */
export async function deleteAccount(context: PlatformContext, earnerId: string): Promise<void> {
  await context.storage.earners.delete({ id: earnerId });
}
