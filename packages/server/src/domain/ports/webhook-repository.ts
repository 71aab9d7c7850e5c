import type { EventType } from './event-repository.js';

export interface WebhookEndpoint {
  readonly id: string;
  readonly issuerId: string;
  readonly url: string;
  readonly eventTypes: readonly EventType[];
  /**
   * The signing secret (`whsec_…`, shown once at creation) sealed by the key store under `webhook:{id}`,
   * base64: a database dump alone cannot forge deliveries.
   */
  readonly sealedSecret: string;
  readonly enabled: boolean;
  readonly disabledReason: string | null;
  /** The first failed attempt since the last success; the endpoint is disabled when it gets too old. */
  readonly failingSince: Date | null;
  /** The cursor (see event-cursor.ts) of the last event already turned into deliveries for this endpoint. */
  readonly lastCursor: string;
  readonly createdAt: Date;
}

export const DELIVERY_STATES = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface WebhookDelivery {
  readonly id: string;
  readonly endpointId: string;
  readonly eventId: string;
  /** The `webhook-id` header: the same on every attempt and replay, so receivers can drop duplicates. */
  readonly messageId: string;
  readonly type: EventType;
  /** The exact JSON body sent (and signed). */
  readonly body: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly nextAttemptAt: Date | null;
  readonly lastStatus: number | null;
  readonly createdAt: Date;
}

export interface DeliveryAttempt {
  readonly id: string;
  readonly deliveryId: string;
  readonly at: Date;
  /** null when no HTTP answer came (refused address, timeout, connection error). */
  readonly statusCode: number | null;
  readonly ok: boolean;
  /** The start of the answer's body, or the error met. */
  readonly excerpt: string;
}

export interface NewDelivery {
  readonly endpointId: string;
  readonly eventId: string;
  readonly messageId: string;
  readonly type: EventType;
  readonly body: string;
  readonly nextAttemptAt: Date;
}

/** Webhook endpoints, their deliveries (a durable queue) and every attempt. */
export interface WebhookRepository {
  createEndpoint(endpoint: {
    readonly id: string;
    readonly issuerId: string;
    readonly url: string;
    readonly eventTypes: readonly EventType[];
    readonly sealedSecret: string;
    readonly lastCursor: string;
    readonly at: Date;
  }): Promise<WebhookEndpoint>;
  findEndpoint(options: { readonly id: string }): Promise<WebhookEndpoint | null>;
  listEndpoints(options: {
    readonly issuerId?: string;
    readonly enabledOnly?: boolean;
  }): Promise<WebhookEndpoint[]>;
  deleteEndpoint(options: { readonly id: string }): Promise<boolean>;
  /** Locks the endpoint row until the transaction ends, so two workers never fan out the same events. */
  lockEndpoint(options: { readonly id: string }): Promise<WebhookEndpoint | null>;
  setLastCursor(options: { readonly id: string; readonly lastCursor: string }): Promise<void>;
  setFailingSince(options: { readonly id: string; readonly failingSince: Date | null }): Promise<void>;
  disableEndpoint(options: { readonly id: string; readonly reason: string }): Promise<void>;
  /** Enables it again, its failure streak forgotten. */
  enableEndpoint(options: { readonly id: string }): Promise<void>;
  /** Inserts deliveries; one per (endpoint, event) whatever the retries. */
  enqueueDeliveries(deliveries: readonly NewDelivery[]): Promise<void>;
  /**
   * Takes pending deliveries due at `now` of enabled endpoints, not leased by another worker, for `leaseMs`
   * (leased until `now + leaseMs`).
   */
  claimDue(options: {
    readonly now: Date;
    readonly limit: number;
    readonly leaseMs: number;
  }): Promise<WebhookDelivery[]>;
  /**
   * Hands back deliveries claimed but not attempted (a worker told to stop), due at once. The lease names
   * no worker: `leasedUntil`, the end of the claim's lease, tells that claim from a later one. Returns how
   * many it released.
   */
  releaseDeliveries(options: {
    readonly ids: readonly string[];
    readonly leasedUntil: Date;
  }): Promise<number>;
  recordAttempt(options: {
    readonly deliveryId: string;
    readonly at: Date;
    readonly statusCode: number | null;
    readonly ok: boolean;
    readonly excerpt: string;
    /** null: no more attempts (succeeded, or given up). */
    readonly nextAttemptAt: Date | null;
  }): Promise<WebhookDelivery>;
  findDelivery(options: { readonly id: string }): Promise<WebhookDelivery | null>;
  listDeliveries(options: {
    readonly endpointId: string;
    readonly limit: number;
  }): Promise<WebhookDelivery[]>;
  listAttempts(options: { readonly deliveryId: string }): Promise<DeliveryAttempt[]>;
  /** Puts a delivery back in the queue, due at `at`, keeping its message id. */
  replay(options: { readonly id: string; readonly at: Date }): Promise<WebhookDelivery>;
}
