import { z } from 'zod';
import { recipientLookupHash } from '../credential/recipient-lookup-hash.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { normalizeEmail } from '../identity/normalize-email.js';
import type { PlatformContext } from '../platform-context.js';
import type { Earner, Repositories } from '../ports/index.js';
import { signInMail } from './earner-mails.js';
import { hashSecret, LINK_LIFETIMES_MS, newSecret, SESSION_LIFETIME_MS } from './email-links.js';

export const EmailSchema = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email({ error: 'an email address' }));

/**
 * Sends a sign-in link. The answer is the same whether or not an account exists, so the form cannot be
 * used to learn who has one; the account is made when the link is first used.
 */
export async function requestSignIn(
  context: PlatformContext,
  input: { readonly email: string; readonly locale: string },
): Promise<void> {
  const email = normalizeEmail(EmailSchema.parse(input.email));
  const secret = newSecret();
  const now = context.now();
  await context.storage.transaction(async (repositories) => {
    await repositories.emailTokens.create([
      {
        tokenHash: hashSecret(secret),
        purpose: 'sign-in',
        email,
        earnerId: null,
        credentialId: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + LINK_LIFETIMES_MS['sign-in']),
      },
    ]);
    await repositories.mailOutbox.enqueue([
      signInMail({ to: email, locale: input.locale, link: `${context.publicUrl}/signin/${secret}` }),
    ]);
  });
}

/**
 * The account of a verified address, made on first use: whoever holds a link sent to an address controls
 * that address, which is all passwordless sign-in rests on.
 */
export async function earnerForAddress(
  repositories: Repositories,
  context: Pick<PlatformContext, 'recipientPepper' | 'now'>,
  options: { readonly email: string; readonly locale: string; readonly preferred: string | null },
): Promise<string> {
  const lookupHash = recipientLookupHash(context.recipientPepper, options.email);
  const owner = await repositories.earnerEmails.findVerified({ lookupHash });
  if (owner !== null) return owner.earnerId;
  const earnerId =
    options.preferred ??
    (await repositories.earners.create({ displayName: null, locale: options.locale })).id;
  await repositories.earnerEmails.put({
    earnerId,
    email: options.email,
    lookupHash,
    verifiedAt: context.now(),
  });
  return earnerId;
}

/** Uses a sign-in link once; returns the account it opens. */
export async function signInWithLink(
  context: PlatformContext,
  input: { readonly secret: string; readonly locale: string },
): Promise<string> {
  return context.storage.transaction(async (repositories) => {
    const token = await repositories.emailTokens.use({
      tokenHash: hashSecret(input.secret),
      purpose: 'sign-in',
      at: context.now(),
    });
    if (token === null) throw linkUnusable();
    return earnerForAddress(repositories, context, {
      email: token.email,
      locale: input.locale,
      preferred: null,
    });
  });
}

export function linkUnusable(): ServerError {
  return new ServerError(ServerErrorCode.NOT_FOUND, 'this link has expired or was already used');
}

/** A new session for a signed-in earner; the secret goes in the cookie, its hash in the database. */
export async function startSession(context: PlatformContext, earnerId: string): Promise<string> {
  const secret = newSecret();
  await context.storage.earnerSessions.create({
    tokenHash: hashSecret(secret),
    earnerId,
    expiresAt: new Date(context.now().getTime() + SESSION_LIFETIME_MS),
  });
  return secret;
}

export async function earnerOfSession(context: PlatformContext, secret: string): Promise<Earner | null> {
  const earnerId = await context.storage.earnerSessions.findEarnerId({
    tokenHash: hashSecret(secret),
    at: context.now(),
  });
  return earnerId === null ? null : context.storage.earners.findById({ id: earnerId });
}

export async function endSession(context: PlatformContext, secret: string): Promise<void> {
  await context.storage.earnerSessions.delete({ tokenHash: hashSecret(secret) });
}
