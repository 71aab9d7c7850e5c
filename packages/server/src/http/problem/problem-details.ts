import { PROBLEM_MEDIA_TYPE, ProblemSchema } from '../../edge/problem/problem-schema.js';

const DESCRIPTIONS = {
  400: 'Invalid input (`VALIDATION_ERROR`, `PARSING_ERROR`, …)',
  401: 'No valid bearer token (`UNAUTHORIZED`)',
  403: "The token's role may not do this (`FORBIDDEN`)",
  404: 'No such resource, or not visible to this token (`NOT_FOUND`)',
  409: 'Conflicts with the current state (`CONFLICT`)',
  413: 'The body is over the size limit (`PAYLOAD_TOO_LARGE`)',
  415: 'The body is not JSON (`UNSUPPORTED_MEDIA_TYPE`)',
  429: 'Too many requests; retry after the `Retry-After` seconds (`RATE_LIMITED`)',
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
