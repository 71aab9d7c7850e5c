import { z } from 'zod';
import { type OneOrMany, oneOrMany } from './one-or-many.js';

/**
 * A JSON-LD `type` value (one IRI or an array, yielded as an array) that must include every entry
 * of `required`; an entry that is itself a list is satisfied by any one of its members (aliases such
 * as `AchievementCredential` / `OpenBadgeCredential`, OB 3.0 §AchievementCredential).
 */
export function typeIncluding(required: readonly (string | readonly string[])[]): OneOrMany<z.ZodString> {
  return oneOrMany(z.string()).check((ctx) => {
    for (const entry of required) {
      const accepted = typeof entry === 'string' ? [entry] : entry;
      if (!accepted.some((name) => ctx.value.includes(name))) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: `type must include ${accepted.map((name) => `"${name}"`).join(' or ')}`,
        });
      }
    }
  });
}
