/** How a credential came to be issued. */
export type IssuedVia = 'api' | 'bulk' | 'pathway';

/**
 * What the platform reports to its operators' metrics as things happen (after they commit). The edge
 * implements it with Prometheus counters; the domain knows nothing of the format.
 */
export interface PlatformMetrics {
  credentialsIssued(count: number, via: IssuedVia): void;
  credentialChanged(change: 'revoked' | 'suspended' | 'reinstated'): void;
  /** One verification; `failedCheck` is the first check that failed (null when it verified). */
  verified(result: { readonly verified: boolean; readonly failedCheck: string | null }): void;
  webhookDelivered(outcome: 'delivered' | 'retrying' | 'failed'): void;
}

/** For platforms nobody scrapes (tests, the CLI). */
export const NO_METRICS: PlatformMetrics = {
  credentialsIssued: () => {},
  credentialChanged: () => {},
  verified: () => {},
  webhookDelivered: () => {},
};
