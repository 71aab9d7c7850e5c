import type { CredentialEvent, IssuedState, StatusPurpose } from '../../../domain/ports/index.js';
import type { MessageKey } from '../../../i18n/messages/en.js';

/** Where a credential stands, in the words the dashboard counts it with. */
export const STATE_LABELS = {
  pending: 'console.dashboard.state.pending',
  accepted: 'console.dashboard.state.accepted',
  declined: 'console.dashboard.state.declined',
  revoked: 'console.dashboard.state.revoked',
  suspended: 'console.dashboard.state.suspended',
  expired: 'console.dashboard.state.expired',
} as const satisfies Record<IssuedState, MessageKey>;

export const EVENT_LABELS = {
  issued: 'console.credentials.event.issued',
  revoked: 'console.credentials.event.revoked',
  suspended: 'console.credentials.event.suspended',
  reinstated: 'console.credentials.event.reinstated',
} as const satisfies Record<CredentialEvent['kind'], MessageKey>;

export const STATUS_PURPOSE_LABELS = {
  revocation: 'console.credentials.purpose.revocation',
  suspension: 'console.credentials.purpose.suspension',
} as const satisfies Record<StatusPurpose, MessageKey>;

/** What the detail page says after an action (`?done=`), so a reload does not repeat it. */
export const DONE_MESSAGES = {
  issued: 'console.credentials.done.issued',
  revoked: 'console.credentials.done.revoked',
  suspended: 'console.credentials.done.suspended',
  reinstated: 'console.credentials.done.reinstated',
} as const satisfies Record<string, MessageKey>;

export function isDone(value: string | undefined): value is keyof typeof DONE_MESSAGES {
  return value !== undefined && Object.hasOwn(DONE_MESSAGES, value);
}
