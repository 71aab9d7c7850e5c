import { z } from '@hono/zod-openapi';
import { ServerErrorCode } from '../../domain/error/server-error.js';

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
    code: z.enum(Object.values(ServerErrorCode) as [ServerErrorCode, ...ServerErrorCode[]]),
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
