import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { DEFAULT_MAX_INPUT_BYTES, parseIJson } from '@microcred/vc';
import type { Context } from 'hono';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { Platform } from '../../domain/platform.js';
import type { VerificationJob } from '../../domain/ports/index.js';
import { JOB_RESULTS_KEPT_MS, MAX_JOB_ITEMS } from '../../domain/verification/verification-jobs.js';
import { MAX_BATCH_ITEMS } from '../../domain/verification/verify-batch.js';
import { enforceRateLimit, keyOf } from '../../edge/rate-limits.js';
import type { ApiEnv } from '../app-env.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import { BEARER_SECURITY, IdParamsSchema, isoOrNull, jsonContent, timestamp } from './common-schemas.js';
import { presentVerificationResult, VerificationResultSchema } from './vc-verification-result.js';

export const VERIFICATIONS_PATH = '/verifications';
export const VERIFICATION_JOBS_PATH = '/verification-jobs';

/**
 * A batch's JSON body: 1,000 credentials of this platform are 2.2 MB (Data Integrity, measured by
 * bench/batch-verification.bench.ts); the rest is room for baked images, which are larger.
 */
export const VERIFICATION_BATCH_LIMIT_BYTES = 32 * 1024 * 1024;
/**
 * A job uploaded as JSON lines is read line by line and stored 500 items at a time, never held whole:
 * 100,000 credentials of this platform are about 220 MB (10,000 measured 21.7 MB).
 */
export const VERIFICATION_JOB_UPLOAD_LIMIT_BYTES = 512 * 1024 * 1024;
const MAX_JSON_DEPTH = 64;
const MAX_LINE_CHARACTERS = DEFAULT_MAX_INPUT_BYTES * 2;

const NDJSON_TYPES = ['application/x-ndjson', 'application/x-jsonlines'];

function mediaTypeOf(c: Context): string {
  return (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The body limit of a batch verification request, or undefined for any other request. */
export function verificationBodyLimit(c: Context, apiPrefix: string): number | undefined {
  if (c.req.method !== 'POST') return undefined;
  if (c.req.path === `${apiPrefix}${VERIFICATIONS_PATH}`) return VERIFICATION_BATCH_LIMIT_BYTES;
  if (c.req.path !== `${apiPrefix}${VERIFICATION_JOBS_PATH}`) return undefined;
  return NDJSON_TYPES.includes(mediaTypeOf(c))
    ? VERIFICATION_JOB_UPLOAD_LIMIT_BYTES
    : VERIFICATION_BATCH_LIMIT_BYTES;
}

const ItemSchema = z.unknown().openapi({
  description:
    'A credential as a JSON object (OB 3.0 / VC; an OB 2.0 hosted assertion, whose `id` is where it is hosted), ' +
    'a compact JWS string (VC-JWT, OB 2.0 signed assertion), a baked PNG or SVG as `{"image": "<base64>"}`, or ' +
    'any of these as `{"credential": …, "recipient": {"email": "…"}}` to check that one item against its own address.',
  example: { credential: 'eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln', recipient: { email: 'ada@example.org' } },
});

const RecipientSchema = z
  .strictObject({ email: z.string().trim().min(3).max(320) })
  .openapi('VerificationRecipient', {
    description:
      'Check that each credential was issued to this address (OB: trimmed, lower-cased; hashed identifiers are ' +
      'compared with their salt). Adds a `recipient` check: failed when issued to someone else (and then ' +
      '`verified` is false); a warning when the credential does not say who it was issued to.',
  });

const BatchRequestSchema = z
  .strictObject({
    credentials: z.array(ItemSchema).openapi({ description: `Up to ${MAX_BATCH_ITEMS} items` }),
    recipient: RecipientSchema.optional(),
  })
  .openapi('VerificationBatchRequest');

const BatchResponseSchema = z
  .object({
    results: z.array(VerificationResultSchema).openapi({
      description: 'One result per item, in the order sent, each as `POST /credentials/verify` gives it',
    }),
  })
  .openapi('VerificationBatchResult');

const JobSchema = z
  .object({
    id: z.uuid(),
    state: z.enum(['queued', 'running', 'completed']),
    total: z.number().int(),
    done: z.number().int().openapi({ description: 'Items verified so far' }),
    unverified: z
      .number()
      .int()
      .openapi({ description: 'Of those, items whose result is `verified: false`' }),
    createdAt: timestamp,
    finishedAt: timestamp.nullable(),
    expiresAt: timestamp.openapi({
      description: `When the job and its results are deleted: ${JOB_RESULTS_KEPT_MS / 86_400_000} days after it completes`,
    }),
    results: z
      .string()
      .openapi({ description: 'Where the results are downloaded once the job is completed' }),
  })
  .openapi('VerificationJob');

const verifyBatch = createRoute({
  method: 'post',
  path: VERIFICATIONS_PATH,
  tags: ['Verification'],
  summary: `Verify up to ${MAX_BATCH_ITEMS} credentials at once (any API key)`,
  description:
    'Verifies every item and answers one result per item, in order; an item that cannot be read or does not ' +
    `verify gets its own result with \`verified: false\`, never failing the batch. More than ${MAX_BATCH_ITEMS} ` +
    "items is a 400: use a verification job. Counted by items against the key's `verify-items-key` rate limit " +
    `(default 10,000 a minute). The body may be up to ${VERIFICATION_BATCH_LIMIT_BYTES / 1024 / 1024} MiB.`,
  security: BEARER_SECURITY,
  request: { body: { required: true, content: { 'application/json': { schema: BatchRequestSchema } } } },
  responses: {
    200: jsonContent(BatchResponseSchema, 'One result per item, in order'),
    ...problemResponses(400, 401, 403, 413, 415, 429),
  },
});

const createJob = createRoute({
  method: 'post',
  path: VERIFICATION_JOBS_PATH,
  tags: ['Verification'],
  summary: `Verify up to ${MAX_JOB_ITEMS.toLocaleString('en')} credentials in the background (any API key)`,
  description:
    'Stores the items and answers 202 with the job; the verification worker verifies them. Send ' +
    '`application/x-ndjson` (one item per line, as in `credentials`; a line that is not JSON is read as a compact ' +
    `JWS; up to ${VERIFICATION_JOB_UPLOAD_LIMIT_BYTES / 1024 / 1024} MiB, read as it streams) or the JSON of a ` +
    `batch (\`{credentials, recipient}\`, up to ${VERIFICATION_BATCH_LIMIT_BYTES / 1024 / 1024} MiB). Items are ` +
    "counted against the key's `verify-job-items-key` rate limit (default 200,000 an hour) as they are stored. " +
    'The items are deleted as they are verified; the results are kept 7 days after the job completes. Only the ' +
    'key that created a job can read it.',
  security: BEARER_SECURITY,
  request: {
    body: {
      // Not `required`: the router then validates only a JSON body, and leaves JSON lines to the handler.
      required: false,
      content: {
        'application/json': { schema: BatchRequestSchema },
        'application/x-ndjson': {
          schema: z.unknown().openapi({
            type: 'string',
            example:
              '{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"]}\n' +
              'eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln\n',
          }),
        },
      },
    },
  },
  responses: {
    202: jsonContent(JobSchema, 'Accepted: the job is queued'),
    ...problemResponses(400, 401, 403, 413, 415, 429),
  },
});

const getJob = createRoute({
  method: 'get',
  path: `${VERIFICATION_JOBS_PATH}/{id}`,
  tags: ['Verification'],
  summary: 'Progress of a verification job (the key that created it)',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: { 200: jsonContent(JobSchema, 'The job and its counts'), ...problemResponses(400, 401, 404) },
});

const getResults = createRoute({
  method: 'get',
  path: `${VERIFICATION_JOBS_PATH}/{id}/results`,
  tags: ['Verification'],
  summary: 'The results of a completed verification job, as JSON lines (the key that created it)',
  description:
    'One line per item, in input order: `{"index": n, "verified": …, "checks": […], …}` (index from 0; the ' +
    'rest as `POST /credentials/verify` gives it). Streamed. 409 while the job is not completed.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: {
      description: 'The results, one JSON object per line',
      content: {
        'application/x-ndjson': {
          schema: z.unknown().openapi({
            type: 'string',
            example: '{"index":0,"verified":true,"checks":[],"warnings":[],"errors":[]}\n',
          }),
        },
      },
    },
    ...problemResponses(400, 401, 404, 409),
  },
});

function present(job: VerificationJob, apiPrefix: string) {
  return {
    id: job.id,
    state: job.state === 'receiving' ? ('queued' as const) : job.state,
    total: job.total,
    done: job.done,
    unverified: job.unverified,
    createdAt: job.createdAt.toISOString(),
    finishedAt: isoOrNull(job.finishedAt),
    expiresAt: job.expiresAt.toISOString(),
    results: `${apiPrefix}${VERIFICATION_JOBS_PATH}/${job.id}/results`,
  };
}

/**
 * The items of a JSON lines upload, as they stream in: a line that is JSON is that value, any other
 * (a bare compact JWS) is its text; blank lines are skipped. Never holds more than one line.
 */
async function* ndjsonItems(body: ReadableStream<Uint8Array> | null): AsyncGenerator<unknown> {
  if (body === null) return;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reader = body.getReader();
  let pending = '';
  const itemOf = (line: string): unknown => {
    const text = line.trim();
    if (!/^[{["]/.test(text)) return text;
    try {
      return parseIJson(text, { maxDepth: MAX_JSON_DEPTH });
    } catch {
      // Reported for this item alone, by the verifier's own parser, which says what is wrong with it.
      return text;
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      let text: string;
      try {
        text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      } catch (cause) {
        throw new ServerError(ServerErrorCode.PARSING_ERROR, 'the upload is not UTF-8 text', { cause });
      }
      pending += text;
      const lines = pending.split('\n');
      pending = done ? '' : (lines.pop() ?? '');
      // One line is one credential: more than the verifier takes is refused, not buffered on and on.
      if (pending.length > MAX_LINE_CHARACTERS)
        throw new ServerError(
          ServerErrorCode.PAYLOAD_TOO_LARGE,
          `a line of the upload is over ${MAX_LINE_CHARACTERS} characters`,
        );
      for (const line of lines) if (line.trim() !== '') yield itemOf(line);
      if (done) return;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** Batch verification (`/verifications`) and verification jobs (`/verification-jobs`), for any API key. */
export function verificationRoutes(options: {
  readonly platform: Platform;
  readonly apiPrefix: string;
}): OpenAPIHono<ApiEnv> {
  const { platform, apiPrefix } = options;
  const router = createRouter<ApiEnv>();

  router.openapi(verifyBatch, async (c) => {
    const actor = c.get('actor');
    const body = c.req.valid('json');
    // A batch over the limit is refused as such (400), not counted against the key first.
    if (body.credentials.length <= MAX_BATCH_ITEMS && body.credentials.length > 0)
      await enforceRateLimit(c, 'verify-items-key', keyOf(actor), body.credentials.length);
    const reports = await platform.verification.batch(actor, {
      items: body.credentials,
      ...(body.recipient === undefined ? {} : { recipient: body.recipient.email }),
    });
    return c.json({ results: reports.map(presentVerificationResult) }, 200);
  });

  router.openapi(createJob, async (c) => {
    const actor = c.get('actor');
    const type = mediaTypeOf(c);
    let items: Iterable<unknown> | AsyncIterable<unknown>;
    let recipient: string | undefined;
    if (NDJSON_TYPES.includes(type)) {
      items = ndjsonItems(c.req.raw.body);
    } else if (type === 'application/json') {
      // Validated by the router against BatchRequestSchema (it validates every JSON body of this route).
      const body = c.req.valid('json') as z.infer<typeof BatchRequestSchema>;
      items = body.credentials;
      recipient = body.recipient?.email;
    } else {
      throw new ServerError(
        ServerErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'send application/x-ndjson (one credential per line) or application/json ({"credentials": […]})',
      );
    }
    const job = await platform.verification.createJob(actor, {
      items,
      ...(recipient === undefined ? {} : { recipient }),
      admit: (count) => enforceRateLimit(c, 'verify-job-items-key', keyOf(actor), count),
    });
    c.header('Location', `${apiPrefix}${VERIFICATION_JOBS_PATH}/${job.id}`);
    return c.json(present(job, apiPrefix), 202);
  });

  router.openapi(getJob, async (c) => {
    const job = await platform.verification.getJob(c.get('actor'), c.req.valid('param').id);
    return c.json(present(job, apiPrefix), 200);
  });

  router.openapi(getResults, async (c) => {
    const results = await platform.verification.jobResults(c.get('actor'), c.req.valid('param').id);
    const encoder = new TextEncoder();
    const iterator = results[Symbol.asyncIterator]();
    // Pulled as the client reads: a slow download holds one page of results, not the whole job.
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const lines: string[] = [];
        for (let count = 0; count < 200; count += 1) {
          const next = await iterator.next();
          if (next.done === true) break;
          lines.push(
            `${JSON.stringify({ index: next.value.index, ...presentVerificationResult(next.value.report) })}\n`,
          );
        }
        if (lines.length === 0) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(lines.join('')));
      },
      async cancel() {
        await iterator.return?.();
      },
    });
    return new Response(stream, {
      status: 200,
      headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' },
    }) as never;
  });

  return router;
}
