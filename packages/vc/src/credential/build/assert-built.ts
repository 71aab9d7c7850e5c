import type { z } from 'zod';
import { ErrorCode, MicrocredError } from '../../error/index.js';

export interface AssertBuiltOptions<T> {
  readonly schema: z.ZodType;
  readonly value: T;
  /** What was built, for the message ("Achievement"). */
  readonly what: string;
}

/**
 * Checks a builder's output against the model schema and returns it unchanged; a failure means
 * the caller passed a value the spec does not allow (an unknown enum value, a bad language code).
 */
export function assertBuilt<T>({ schema, value, what }: AssertBuiltOptions<T>): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    const first = issues[0];
    throw new MicrocredError(
      ErrorCode.VALIDATION_ERROR,
      `invalid ${what}${first === undefined ? '' : `: ${first.path === '' ? '' : `${first.path}: `}${first.message}`}`,
      { details: { issues } },
    );
  }
  return value;
}
