import { z } from '@hono/zod-openapi';
import { ErrorCode } from '@microcred/vc';

export const FieldErrorSchema = z
  .object({
    path: z
      .string()
      .openapi({ description: 'Dotted path of the field (`recipient.email`); empty for the whole value' }),
    in: z.enum(['body', 'query', 'path', 'header']).optional(),
    message: z.string(),
  })
  .openapi('FieldError');
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** RFC 9457 problem details, with our stable `code` and, for invalid input, every failing field. */
export const ProblemSchema = z
  .object({
    type: z.url().openapi({ example: 'https://microcred.dev/problems/not-found' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
    instance: z.string().optional().openapi({ description: 'The request path this problem occurred at' }),
    requestId: z
      .string()
      .optional()
      .openapi({ description: 'Quote it when reporting a problem: it is in our logs' }),
    errors: z.array(FieldErrorSchema).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const DESCRIPTIONS = {
  400: 'Invalid input (`VALIDATION_ERROR`, `PARSING_ERROR`, …)',
  401: 'No valid bearer token (`UNAUTHORIZED`)',
  403: "The token's role may not do this (`FORBIDDEN`)",
  404: 'No such resource, or not visible to this token (`NOT_FOUND`)',
  409: 'Conflicts with the current state (`CONFLICT`)',
  413: 'The body is over the size limit (`PAYLOAD_TOO_LARGE`)',
  415: 'The body is not JSON (`UNSUPPORTED_MEDIA_TYPE`)',
} as const;

type ProblemStatus = keyof typeof DESCRIPTIONS;

/** OpenAPI `responses` entries for the problems a route can answer with; all share one schema. */
export function problemResponses<const S extends readonly ProblemStatus[]>(...statuses: S) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: DESCRIPTIONS[status], content: { [PROBLEM_MEDIA_TYPE]: { schema: ProblemSchema } } },
    ]),
  ) as {
    [K in S[number]]: {
      description: string;
      content: { 'application/problem+json': { schema: typeof ProblemSchema } };
    };
  };
}
