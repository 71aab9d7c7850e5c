import { createHmac } from 'node:crypto';
import type { PlatformContext } from '../platform-context.js';
import { recordCredentialEvent } from './record-events.js';

// Crawlers, link previewers and monitors: their fetches are not people looking at a credential.
const BOT_USER_AGENT =
  /bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|whatsapp|telegram|discord|curl|wget|python-requests|httpclient|headless|lighthouse|monitor|uptime/i;

export const SHARE_CHANNELS = ['linkedin', 'x', 'email', 'link', 'embed'] as const;
export type ShareChannel = (typeof SHARE_CHANNELS)[number];
export const DOWNLOAD_FORMATS = ['png', 'svg', 'json', 'jwt', 'pdf'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/** Whether a request comes from a program rather than a person (no user agent counts as a program). */
export function isBot(userAgent: string | null | undefined): boolean {
  return (
    userAgent === null || userAgent === undefined || userAgent.trim() === '' || BOT_USER_AGENT.test(userAgent)
  );
}

/**
 * A visitor for one UTC day: HMAC of IP and user agent under a salt derived from the day and the
 * platform's secret pepper. Neither is stored; the hash cannot be linked across days.
 */
export function dailyVisitorHash(pepper: Uint8Array, at: Date, ip: string, userAgent: string): string {
  const day = at.toISOString().slice(0, 10);
  const salt = createHmac('sha256', pepper).update(`events/visitor/${day}`).digest();
  return createHmac('sha256', salt).update(`${ip}\n${userAgent}`).digest('base64url').slice(0, 22);
}

export interface Visitor {
  readonly ip: string;
  readonly userAgent: string | null;
}

/** A person opened a credential's page: counted once per visitor, credential and UTC day; bots never. */
export async function recordView(
  context: PlatformContext,
  options: { readonly credentialId: string; readonly visitor: Visitor },
): Promise<boolean> {
  const { userAgent, ip } = options.visitor;
  if (isBot(userAgent) || userAgent === null) return false;
  const at = context.now();
  const visitor = dailyVisitorHash(context.recipientPepper, at, ip, userAgent);
  return recordCredentialEvent(context.storage, {
    credentialId: options.credentialId,
    type: 'credential.viewed',
    at,
    dedupeKey: `view:${options.credentialId}:${at.toISOString().slice(0, 10)}:${visitor}`,
  });
}

/** A share button, the LinkedIn add-to-profile button or the embed copy was used (bots ignored). */
export async function recordShare(
  context: PlatformContext,
  options: {
    readonly credentialId: string;
    readonly channel: ShareChannel | 'linkedin-add';
    readonly visitor: Visitor;
  },
): Promise<boolean> {
  if (isBot(options.visitor.userAgent)) return false;
  return recordCredentialEvent(context.storage, {
    credentialId: options.credentialId,
    at: context.now(),
    ...(options.channel === 'linkedin-add'
      ? { type: 'credential.linkedin_added' as const }
      : { type: 'credential.shared' as const, data: { channel: options.channel } }),
  });
}

/** A credential was downloaded in `format` (bots ignored). */
export async function recordDownload(
  context: PlatformContext,
  options: { readonly credentialId: string; readonly format: DownloadFormat; readonly visitor: Visitor },
): Promise<boolean> {
  if (isBot(options.visitor.userAgent)) return false;
  return recordCredentialEvent(context.storage, {
    credentialId: options.credentialId,
    type: 'credential.downloaded',
    at: context.now(),
    data: { format: options.format },
  });
}

const OWN_CREDENTIAL = /\/credentials\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * A credential was verified (the page, the VC API, the batch API). Recorded only when its id is one of
 * this platform's credential URLs and the credential exists here: others' credentials are not ours to count.
 * Written with the next batch of events (see PendingEvents): resolves once it is, so a request need not
 * wait for it.
 */
export async function recordVerification(
  context: Pick<PlatformContext, 'publicUrl' | 'now' | 'pendingEvents'>,
  options: {
    readonly credentialId: unknown;
    readonly via: 'page' | 'vc-api' | 'batch';
    readonly ok: boolean;
  },
): Promise<boolean> {
  if (typeof options.credentialId !== 'string') return false;
  if (!options.credentialId.startsWith(`${context.publicUrl}/credentials/`)) return false;
  const match = OWN_CREDENTIAL.exec(options.credentialId);
  if (match?.[1] === undefined) return false;
  return context.pendingEvents.add({
    credentialId: match[1].toLowerCase(),
    type: 'credential.verified',
    at: context.now(),
    data: { via: options.via, ok: options.ok },
  });
}
