import type { PendingEvents } from './events/pending-events.js';
import type { PolicyUrls } from './policy/policy-urls.js';
import type { DomainLogger, KeyStore, PlatformMetrics, Storage } from './ports/index.js';

/** What every use case may depend on. Time and randomness are injected so tests are deterministic. */
export interface PlatformContext {
  readonly storage: Storage;
  readonly keyStore: KeyStore;
  /** Public base URL without trailing slash; issuer DIDs and credential ids are built from it. */
  readonly publicUrl: string;
  /** The privacy policy and terms of service this platform names (configured, or its own page). */
  readonly policyUrls: PolicyUrls;
  readonly now: () => Date;
  /** HMAC key for recipient lookup hashes (derived from the master key, never stored). */
  readonly recipientPepper: Uint8Array;
  /** Whoever proves one of these (normalized) addresses by the sign-in link administers the platform. */
  readonly adminEmails: readonly string[];
  readonly logger: DomainLogger;
  /** Counters for the operators' metrics, told after a change commits. */
  readonly metrics: PlatformMetrics;
  /** Events written a moment later, in batches (verifications): flush them before reading events. */
  readonly pendingEvents: PendingEvents;
}
