import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { PlatformContext } from '../platform-context.js';
import { type ApiKey, MEMBERSHIP_ROLES } from '../ports/index.js';
import { type Actor, authorize, requireAdmin } from './actor.js';
import { API_SCOPES, type ApiScope } from './api-scopes.js';
import { resourceNotFound } from './resource-not-found.js';

// `mc_<16 hex: public lookup prefix>.<43 base64url: 256-bit secret>`: the prefix finds the row by index,
// the secret is only ever compared as a SHA-256 digest, in constant time.
const TOKEN = /^mc_([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

export function generateApiToken(): { token: string; prefix: string; hash: string } {
  const prefix = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { token: `mc_${prefix}.${secret}`, prefix, hash: sha256(secret).toString('hex') };
}

export const ApiKeyInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.enum(MEMBERSHIP_ROLES),
  /** Narrows the role to these scopes (e.g. `credentials:write` for an LMS that only issues). */
  scopes: z
    .array(z.enum(API_SCOPES as [ApiScope, ...ApiScope[]]))
    .min(1)
    .max(API_SCOPES.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, { error: 'scopes must not repeat' })
    .optional(),
});

/** An API key as shown after creation: the token appears in this response only, never again. */
export interface CreatedApiKey {
  readonly apiKey: Omit<ApiKey, 'hash'>;
  readonly token: string;
}

export function withoutHash(key: ApiKey): Omit<ApiKey, 'hash'> {
  const { hash: _hash, ...rest } = key;
  return rest;
}

export async function createApiKey(
  context: PlatformContext,
  actor: Actor,
  issuerId: string | null,
  raw: z.input<typeof ApiKeyInputSchema> | { name: string; role: 'admin' },
): Promise<CreatedApiKey> {
  if (issuerId === null || raw.role === 'admin') {
    requireAdmin(actor);
  } else {
    authorize(actor, issuerId, 'owner', { notFound: 'issuer' });
  }
  const input = raw.role === 'admin' ? raw : ApiKeyInputSchema.parse(raw);
  if (issuerId !== null && (await context.storage.issuers.findById({ id: issuerId })) === null) {
    throw resourceNotFound('issuer');
  }
  const { token, prefix, hash } = generateApiToken();
  const apiKey = await context.storage.apiKeys.create({
    issuerId: input.role === 'admin' ? null : issuerId,
    name: input.name,
    prefix,
    hash,
    role: input.role,
    ...('scopes' in input && input.scopes !== undefined ? { scopes: input.scopes } : {}),
  });
  return { apiKey: withoutHash(apiKey), token };
}

export async function listApiKeys(
  context: PlatformContext,
  actor: Actor,
  issuerId: string,
): Promise<Omit<ApiKey, 'hash'>[]> {
  authorize(actor, issuerId, 'owner', { notFound: 'issuer' });
  return (await context.storage.apiKeys.list({ issuerId })).map(withoutHash);
}

export async function revokeApiKey(
  context: PlatformContext,
  actor: Actor,
  issuerId: string,
  id: string,
): Promise<void> {
  authorize(actor, issuerId, 'owner', { notFound: 'issuer' });
  const keys = await context.storage.apiKeys.list({ issuerId });
  if (!keys.some((key) => key.id === id)) throw resourceNotFound('API key');
  await context.storage.apiKeys.revoke({ id, at: context.now() });
}

/**
 * Resolves a bearer token to an actor, or null. `adminToken` (MICROCRED_ADMIN_TOKEN) is compared as a
 * digest in constant time; other tokens must be live API keys.
 */
export async function authenticateToken(
  context: PlatformContext,
  token: string,
  adminToken: string | undefined,
): Promise<Actor | null> {
  if (adminToken !== undefined && timingSafeEqual(sha256(token), sha256(adminToken)))
    return { kind: 'admin' };
  const match = TOKEN.exec(token);
  if (match === null || match[1] === undefined || match[2] === undefined) return null;
  const key = await context.storage.apiKeys.findByPrefix({ prefix: match[1] });
  if (key === null || key.revokedAt !== null) return null;
  if (!timingSafeEqual(sha256(match[2]), Buffer.from(key.hash, 'hex'))) return null;
  const now = context.now();
  // Recording use at most once a minute keeps authentication from costing a write on every request.
  if (key.lastUsedAt === null || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    await context.storage.apiKeys.touch({ id: key.id, at: now });
  }
  const scopes = key.scopes.length === 0 ? {} : { scopes: key.scopes };
  if (key.role === 'employer' || key.employerId !== null) {
    if (key.employerId === null) return null;
    return {
      kind: 'employer',
      employerId: key.employerId,
      role: 'recruiter',
      apiKeyId: key.id,
      label: key.name,
    };
  }
  if (key.role === 'admin' || key.issuerId === null) return { kind: 'admin', apiKeyId: key.id, ...scopes };
  return { kind: 'member', issuerId: key.issuerId, role: key.role, apiKeyId: key.id, ...scopes };
}
