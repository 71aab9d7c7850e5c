import { type CredentialInput, ErrorCode, type VerificationReport } from '@microcred/vc';
import type { Actor } from '../auth/actor.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import { isUnreadable, readVerificationItem, unreadableReport } from './verification-item.js';
import { mapInOrder } from './verify-in-order.js';
import { withRecipientCheck } from './with-recipient-check.js';

/** Most credentials one synchronous call verifies; more go to a verification job. */
export const MAX_BATCH_ITEMS = 1_000;

/**
 * Verifications running at once for one batch. Verification is CPU-bound on the event loop, so more would
 * not go faster; a few overlap one item's database and network waits with another's hashing.
 */
export const BATCH_CONCURRENCY = 4;

export type VerifyFunction = (input: CredentialInput) => Promise<VerificationReport>;

export interface BatchRequest {
  /** Items as the API documents them (see `readVerificationItem`); any JSON value, each reported on. */
  readonly items: readonly unknown[];
  /** The address every item without its own should have been issued to. */
  readonly recipient?: string;
}

/**
 * One item's report: unreadable items fail their `parse` check, the others are verified, then matched
 * against their address when there is one. Never throws: a fault of the verifier fails the item.
 */
export async function verifyItem(
  context: Pick<PlatformContext, 'logger'>,
  verify: VerifyFunction,
  raw: unknown,
  recipient?: string,
): Promise<VerificationReport> {
  const item = readVerificationItem(raw, recipient);
  if (isUnreadable(item)) return unreadableReport(item);
  let report: VerificationReport;
  try {
    report = await verify(item.input);
  } catch (error) {
    context.logger.warn({ err: error }, 'the verifier threw on a batch item');
    report = unreadableReport({ unreadable: 'the verifier failed on this item' }, ErrorCode.INTERNAL);
  }
  return item.recipient === undefined ? report : withRecipientCheck(report, item.recipient);
}

/**
 * Verifies up to `MAX_BATCH_ITEMS` credentials for any API caller (administrator, issuer or employer key):
 * one report per item, in the order given; a bad item gets its own failed report.
 */
export async function verifyBatch(
  context: PlatformContext,
  verify: VerifyFunction,
  _actor: Actor,
  request: BatchRequest,
): Promise<VerificationReport[]> {
  if (request.items.length > MAX_BATCH_ITEMS) {
    throw new ServerError(
      ServerErrorCode.VALIDATION_ERROR,
      `at most ${MAX_BATCH_ITEMS} credentials can be verified in one call (this one has ${request.items.length}); ` +
        'create a verification job (POST /api/v1/verification-jobs) for more',
      {
        details: {
          errors: [{ path: 'credentials', in: 'body', message: `at most ${MAX_BATCH_ITEMS} items` }],
        },
      },
    );
  }
  return mapInOrder(request.items, BATCH_CONCURRENCY, (raw) =>
    verifyItem(context, verify, raw, request.recipient),
  );
}
