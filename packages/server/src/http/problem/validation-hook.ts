import { ErrorCode, MicrocredError } from '@microcred/vc';
import type { ZodError } from 'zod';
import type { FieldError } from '../../edge/problem/problem-schema.js';
import { fieldErrorsOf } from '../../edge/problem/to-problem.js';

const LOCATIONS: Readonly<Record<string, FieldError['in']>> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
};

/**
 * The zod-openapi `defaultHook`: a request that fails its route's schema is thrown as one
 * VALIDATION_ERROR listing every failing field, so that `onError` renders it like any other problem.
 */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError; target: string },
): void {
  if (result.success) return;
  const location = LOCATIONS[result.target];
  throw new MicrocredError(
    ErrorCode.VALIDATION_ERROR,
    location === 'body' ? 'the request body is invalid' : `the request ${location ?? 'input'} is invalid`,
    { cause: result.error, details: { errors: fieldErrorsOf(result.error, location) } },
  );
}
