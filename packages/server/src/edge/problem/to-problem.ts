import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { isServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { FieldError, Problem } from './problem-schema.js';
import { PROBLEM_STATUS } from './problem-status.js';

const PROBLEM_BASE = 'https://microcred.dev/problems/';

// What Hono's own middleware (validators, body limit, media-type gate) throws, by status.
const HTTP_EXCEPTION_CODES: Readonly<Record<number, { code: ServerErrorCode; detail: string }>> = {
  400: { code: ServerErrorCode.PARSING_ERROR, detail: 'the request body is not valid JSON' },
  401: { code: ServerErrorCode.UNAUTHORIZED, detail: 'a valid bearer token is required' },
  404: { code: ServerErrorCode.NOT_FOUND, detail: 'no such resource' },
  413: { code: ServerErrorCode.PAYLOAD_TOO_LARGE, detail: 'the request body is over the size limit' },
  415: { code: ServerErrorCode.UNSUPPORTED_MEDIA_TYPE, detail: 'send the request body as application/json' },
};

const INTERNAL_DETAIL = 'an unexpected error occurred; it has been logged under this request id';

function titleOf(code: ServerErrorCode): string {
  if (code === ServerErrorCode.INTERNAL) return 'Internal server error';
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `recipient.email`, `evidence.0.url`; empty for the value itself. */
export function fieldErrorsOf(error: ZodError, location?: FieldError['in']): FieldError[] {
  const where = location === undefined ? {} : { in: location };
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // Name each unknown field in its own path, so a client can tell which one to drop.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...path, key].join('.'),
        ...where,
        message: 'is not a known field',
      }));
    }
    return [{ path: path.join('.'), ...where, message: issue.message }];
  });
}

function isFieldErrorList(value: unknown): value is FieldError[] {
  return (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'object' && item !== null && 'path' in item && 'message' in item)
  );
}

export interface ClassifiedError {
  readonly problem: Problem;
  /** True when the caller was not at fault: the cause must be logged, and is not in `problem`. */
  readonly internal: boolean;
}

/**
 * Turns anything a handler can throw into problem details. Only `MicrocredError`s, validation errors and
 * Hono's HTTP exceptions carry a message meant for the caller; everything else becomes a generic 500.
 */
export function toProblem(
  error: unknown,
  context: { instance?: string; requestId?: string },
): ClassifiedError {
  let code: ServerErrorCode = ServerErrorCode.INTERNAL;
  let detail = INTERNAL_DETAIL;
  let errors: FieldError[] | undefined;
  let details: Record<string, unknown> | undefined;

  if (isServerError(error)) {
    code = error.code;
    if (PROBLEM_STATUS[code] < 500) {
      detail = error.message;
      if (error.details !== undefined) {
        const { errors: fieldErrors, ...rest } = error.details;
        if (isFieldErrorList(fieldErrors)) errors = fieldErrors;
        if (Object.keys(rest).length > 0) details = rest;
      }
    }
  } else if (error instanceof ZodError) {
    // Use cases validate their own input: their ZodErrors are about the request body.
    code = ServerErrorCode.VALIDATION_ERROR;
    detail = 'the request is invalid';
    errors = fieldErrorsOf(error, 'body');
  } else if (error instanceof HTTPException) {
    const known = HTTP_EXCEPTION_CODES[error.status];
    if (known !== undefined) ({ code, detail } = known);
  }

  const status = PROBLEM_STATUS[code];
  const internal = status >= 500;
  const problem: Problem = {
    type: `${PROBLEM_BASE}${code.toLowerCase().replaceAll('_', '-')}`,
    title: titleOf(code),
    status,
    detail: internal ? INTERNAL_DETAIL : detail,
    code,
    ...(context.instance === undefined ? {} : { instance: context.instance }),
    ...(context.requestId === undefined ? {} : { requestId: context.requestId }),
    ...(errors === undefined || internal ? {} : { errors }),
    ...(details === undefined || internal ? {} : { details }),
  };
  return { problem, internal };
}
