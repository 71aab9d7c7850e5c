import type { JsonObject } from '../ports/common.js';
import type { CredentialRecord } from '../ports/credential-repository.js';
import type { EventType, NewEvent } from '../ports/event-repository.js';
import type { Repositories } from '../ports/storage.js';

/** The event of `type` about one credential, with the ids every credential event carries. */
export function eventOfCredential(
  record: Pick<CredentialRecord, 'id' | 'issuerId' | 'achievementId'>,
  type: EventType,
  at: Date,
  data: JsonObject = {},
  dedupeKey?: string,
): NewEvent {
  return {
    type,
    issuerId: record.issuerId,
    credentialId: record.id,
    achievementId: record.achievementId,
    data,
    at,
    ...(dedupeKey === undefined ? {} : { dedupeKey }),
  };
}

/**
 * Appends events with the repositories of the caller's transaction: they commit or vanish with the change
 * they describe. One INSERT whatever their number, so a bulk batch pays one statement.
 */
export async function recordEvents(repositories: Pick<Repositories, 'events'>, events: readonly NewEvent[]) {
  return repositories.events.append(events);
}

/**
 * Appends one event about the credential `credentialId` when it is one of this platform's (nothing
 * otherwise): for paths that hold only the id. Returns whether it was stored (false for a duplicate).
 */
export async function recordCredentialEvent(
  repositories: Pick<Repositories, 'events'>,
  options: {
    readonly credentialId: string;
    readonly type: EventType;
    readonly at: Date;
    readonly data?: JsonObject;
    readonly dedupeKey?: string;
  },
): Promise<boolean> {
  const stored = await repositories.events.appendAboutCredential({
    credentialId: options.credentialId,
    type: options.type,
    at: options.at,
    data: options.data ?? {},
    ...(options.dedupeKey === undefined ? {} : { dedupeKey: options.dedupeKey }),
  });
  return stored > 0;
}
