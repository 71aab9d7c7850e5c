import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { type CredentialInput, canonicalizeJcs, type VerificationReport } from '@microcred/vc';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { readableCredential } from '../credential/readable-credential.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { SharedVerification } from '../ports/index.js';
import { storableReport, storedReport } from './storable-report.js';

/** The verifier the use cases below re-run: the platform's own (`platform.verify`). */
export type Verify = (input: CredentialInput) => Promise<VerificationReport>;

// A result can be shared for an hour after it was shown: long enough to decide, short enough that an old
// page cannot mint links to results nobody looks at any more.
const SEAL_LIFETIME_MS = 60 * 60 * 1000;
const CREDENTIAL_ID = /\/credentials\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

interface SealedResult {
  readonly digest: string;
  readonly verified: boolean;
  readonly report: Record<string, unknown>;
  readonly checkedAt: string;
  /** The credential's id when it names one of this platform's credentials (checked again when shared). */
  readonly candidateId: string | null;
}

/** Lower-case hex SHA-256 of a credential's RFC 8785 bytes: the same for its JSON, JWT-decoded or baked form. */
export function credentialDigest(credential: Readonly<Record<string, unknown>>): string {
  return createHash('sha256').update(canonicalizeJcs(credential), 'utf8').digest('hex');
}

function sealKey(context: PlatformContext): Buffer {
  return Buffer.from(
    hkdfSync('sha256', context.recipientPepper, new Uint8Array(0), 'shared verification', 32),
  );
}

function macOf(context: PlatformContext, payload: string): Buffer {
  return createHmac('sha256', sealKey(context)).update(payload, 'utf8').digest();
}

/**
 * What the `/verify` page hands back when its viewer asks for a link to the result it just showed: the
 * result, bound to the platform by a MAC, so that sharing needs neither the credential again nor anything
 * kept before the viewer asks. Null when no credential was found (nothing to share).
 */
export function sealVerification(context: PlatformContext, report: VerificationReport): string | null {
  if (report.credential === undefined) return null;
  const credentialId = typeof report.credential.id === 'string' ? report.credential.id : '';
  const ownPrefix = `${context.publicUrl}/credentials/`;
  const sealed: SealedResult = {
    digest: credentialDigest(report.credential),
    verified: report.verified,
    report: storableReport(report),
    checkedAt: context.now().toISOString(),
    candidateId: credentialId.startsWith(ownPrefix) ? (CREDENTIAL_ID.exec(credentialId)?.[1] ?? null) : null,
  };
  const payload = Buffer.from(JSON.stringify(sealed), 'utf8').toString('base64url');
  return `${payload}.${macOf(context, payload).toString('base64url')}`;
}

function unseal(context: PlatformContext, seal: string): SealedResult {
  const refused = () =>
    new ServerError(ServerErrorCode.VALIDATION_ERROR, 'this result can no longer be shared: verify it again');
  const [payload, mac, extra] = seal.split('.');
  if (payload === undefined || mac === undefined || extra !== undefined) throw refused();
  const expected = macOf(context, payload);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused();
  const sealed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SealedResult;
  const age = context.now().getTime() - Date.parse(sealed.checkedAt);
  if (!(age >= 0 && age <= SEAL_LIFETIME_MS)) throw refused();
  return sealed;
}

/**
 * The credential a shared result may check again on every visit: one of this platform's, public to
 * anyone right now, and the very credential that was checked (same digest; a forgery naming a real
 * credential's id must not borrow its verdict). Null otherwise.
 */
async function publicOriginalOf(
  context: PlatformContext,
  candidateId: string | null,
  digest: string,
): Promise<{ readonly id: string; readonly input: CredentialInput } | null> {
  if (candidateId === null) return null;
  try {
    const { credential } = await readableCredential(context, null, candidateId);
    if (credentialDigest(credential.document) !== digest) return null;
    return { id: credential.id, input: credential.jwt ?? credential.document };
  } catch (error) {
    if (error instanceof ServerError && error.code === ServerErrorCode.NOT_FOUND) return null;
    throw error;
  }
}

/** Stores a sealed result and returns it with its id: the link is `/verifications/{id}`. */
export async function shareVerification(context: PlatformContext, seal: string): Promise<SharedVerification> {
  const sealed = unseal(context, seal);
  const original = await publicOriginalOf(context, sealed.candidateId, sealed.digest);
  return context.storage.sharedVerifications.insert({
    digest: sealed.digest,
    credentialId: original?.id ?? null,
    verified: sealed.verified,
    report: sealed.report as SharedVerification['report'],
    checkedAt: new Date(sealed.checkedAt),
  });
}

export interface OpenedSharedVerification {
  readonly shared: SharedVerification;
  readonly firstReport: VerificationReport;
  /** The credential checked again now, when it is public here; null when only the digest was kept. */
  readonly recheck: { readonly credentialId: string; readonly report: VerificationReport } | null;
}

async function findShared(context: PlatformContext, id: string): Promise<SharedVerification> {
  const shared = await context.storage.sharedVerifications.findById({ id });
  if (shared === null) throw resourceNotFound('verification');
  return shared;
}

/** A shared result, checked again if its credential is public on this platform (while it stays public). */
export async function openSharedVerification(
  context: PlatformContext,
  verify: Verify,
  id: string,
): Promise<OpenedSharedVerification> {
  const shared = await findShared(context, id);
  const original = await publicOriginalOf(context, shared.credentialId, shared.digest);
  return {
    shared,
    firstReport: storedReport(shared.report),
    recheck: original === null ? null : { credentialId: original.id, report: await verify(original.input) },
  };
}

/**
 * Someone holding a copy checks it against a shared result: is it the credential that was checked (same
 * digest), and what does verifying it say now?
 */
export async function compareWithSharedVerification(
  context: PlatformContext,
  verify: Verify,
  id: string,
  input: CredentialInput,
): Promise<{
  readonly shared: SharedVerification;
  readonly report: VerificationReport;
  readonly same: boolean;
}> {
  const shared = await findShared(context, id);
  const report = await verify(input);
  const same = report.credential !== undefined && credentialDigest(report.credential) === shared.digest;
  return { shared, report, same };
}
