import type { PlatformContext } from '../platform-context.js';
import type { InstanceFigures } from '../ports/analytics-repository.js';

const FRESH_MS = 5 * 60_000;
const DAY_MS = 86_400_000;
/** The period the home page counts verifications over. */
export const VERIFICATIONS_PERIOD_DAYS = 30;

/**
 * The instance's figures for its home page, counted at most once every five minutes: each count scans a
 * whole table, the home page is the most visited page, and nobody needs these to the second. Concurrent
 * visitors share one count; a failed count is not kept.
 */
export function instanceFiguresReader(
  context: Pick<PlatformContext, 'storage' | 'now' | 'pendingEvents'>,
): () => Promise<InstanceFigures> {
  let cached: { readonly countedAt: number; readonly figures: Promise<InstanceFigures> } | null = null;
  return () => {
    const now = context.now().getTime();
    if (cached === null || now - cached.countedAt >= FRESH_MS || now < cached.countedAt) {
      const figures = context.pendingEvents.flush().then(() =>
        context.storage.analytics.instanceFigures({
          verifiedSince: new Date(now - VERIFICATIONS_PERIOD_DAYS * DAY_MS),
        }),
      );
      const entry = { countedAt: now, figures };
      cached = entry;
      figures.catch(() => {
        if (cached === entry) cached = null;
      });
    }
    return cached.figures;
  };
}
