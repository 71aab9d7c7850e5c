// Test support: a fast canonizer that fails instead of delegating, so a test run through it proves
// the fast path itself produced the result.
import type { Canonizer } from './canonizer.js';
import { createRdfcFastCanonizer } from './rdfc-fast-canonizer.js';

export const fastPathOnlyCanonizer: Canonizer = createRdfcFastCanonizer({
  fallback: {
    name: 'no fallback',
    canonize: () => Promise.reject(new Error('the fast canonizer delegated this document to the reference')),
  },
});
