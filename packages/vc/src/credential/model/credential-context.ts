import { z } from 'zod';
import { CREDENTIALS_V2_CONTEXT } from '../../contexts/index.js';

/** OB 3.0 §AchievementCredential: the second context is some version of the OB 3.0 context. */
export const OB_CONTEXT_PATTERN =
  /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-3\.\d\.\d)*\.json$/;

/** CLR 2.0: the second context is some version of the CLR 2.0 context. */
export const CLR_CONTEXT_PATTERN =
  /^https:\/\/purl\.imsglobal\.org\/spec\/clr\/v2p0\/context(-2\.\d\.\d)*\.json$/;

const ContextEntrySchema = z.union([z.string(), z.record(z.string(), z.unknown())]);

function contextWith(second: RegExp, label: string) {
  return z.array(ContextEntrySchema).check((ctx) => {
    // Order matters in JSON-LD (OB 3.0 §1.3): the VC 2.0 context comes first, then the OB/CLR one.
    if (ctx.value[0] !== CREDENTIALS_V2_CONTEXT) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `@context[0] must be ${CREDENTIALS_V2_CONTEXT}`,
      });
    }
    const entry = ctx.value[1];
    if (typeof entry !== 'string' || !second.test(entry)) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `@context[1] must be the ${label} context`,
      });
    }
  });
}

/** `@context` of an OB 3.0 credential (AchievementCredential, EndorsementCredential). */
export const ObContextSchema = contextWith(OB_CONTEXT_PATTERN, 'OB 3.0');

/** `@context` of a CLR 2.0 ClrCredential. */
export const ClrContextSchema = contextWith(CLR_CONTEXT_PATTERN, 'CLR 2.0');

/** A JSON-LD `@context` array: URLs and inline context maps. */
export type JsonLdContext = z.output<typeof ObContextSchema>;
