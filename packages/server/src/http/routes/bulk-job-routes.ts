import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { Platform } from '../../domain/platform.js';
import type { BulkJob } from '../../domain/ports/index.js';
import type { ApiEnv } from '../app-env.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import { BEARER_SECURITY, IdParamsSchema, isoOrNull, jsonContent, timestamp } from './common-schemas.js';

export const BULK_JOBS_PATH = '/bulk-jobs';

const BulkJobSchema = z
  .object({
    id: z.uuid(),
    issuerId: z.uuid(),
    achievementId: z.uuid(),
    state: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']),
    total: z.number().int(),
    done: z
      .number()
      .int()
      .openapi({ description: 'Rows issued (or returned again for a used idempotency key)' }),
    failed: z.number().int(),
    duplicates: z
      .number()
      .int()
      .openapi({
        description:
          'Rows skipped because the recipient already held a valid credential of the achievement, or an earlier ' +
          'row of the upload named them; `done + failed + duplicates` reaches `total`',
      }),
    error: z.string().nullable(),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
  })
  .openapi('BulkJob');

const BulkUploadQuerySchema = z.object({
  achievementId: z.uuid().openapi({ description: 'The published achievement to issue to every row' }),
  credentialFormat: z
    .enum(['di', 'jwt'])
    .default('di')
    .openapi({ description: 'Data Integrity proof or VC-JWT' }),
  allowDuplicates: z
    .enum(['true', 'false'])
    .default('false')
    .openapi({
      description:
        'Issue even to recipients who already hold a valid (unrevoked, unexpired) credential of the achievement, ' +
        'and to every row of a recipient named twice; by default those rows are skipped as duplicates',
    }),
});

const CSV_TYPES = ['text/csv', 'application/csv'];
const JSONL_TYPES = ['application/x-ndjson', 'application/x-jsonlines'];

function present(job: BulkJob) {
  return {
    id: job.id,
    issuerId: job.issuerId,
    achievementId: job.achievementId,
    state: job.state,
    total: job.total,
    done: job.done,
    failed: job.failed,
    duplicates: job.duplicates,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: isoOrNull(job.startedAt),
    finishedAt: isoOrNull(job.finishedAt),
  };
}

const createJob = createRoute({
  method: 'post',
  path: BULK_JOBS_PATH,
  tags: ['Bulk issuance'],
  summary: 'Upload recipients (CSV or JSON lines) to issue an achievement to each (issuer role)',
  description:
    'CSV with a header row: `email` or `did`, and optionally `name`, `evidence_url`, `evidence_narrative`, `narrative`, ' +
    '`result`, `activity_start_date`, `activity_end_date`, `idempotency_key` (a row whose key the issuer already ' +
    'used gets that credential back instead of a new one). Bad rows are reported by row number and never stop the ' +
    'good ones; a file-level problem (a broken quote, unknown columns) rejects the upload. The job runs in the ' +
    'background on every worker; poll it for progress.',
  security: BEARER_SECURITY,
  request: {
    query: BulkUploadQuerySchema,
    body: {
      required: true,
      // Documented as text; not validated by the router (it would parse it as a form). The handler reads
      // the raw bytes, checks the media type and UTF-8, and the domain parses and validates every row.
      content: {
        'text/csv': {
          schema: z
            .unknown()
            .openapi({ type: 'string', example: 'email,name\nada@example.org,Ada Lovelace\n' }),
        },
        // Not `application/jsonl`: the router takes any `application/json…` type for JSON and would parse it.
        'application/x-ndjson': {
          schema: z
            .unknown()
            .openapi({ type: 'string', example: '{"email":"ada@example.org","name":"Ada Lovelace"}\n' }),
        },
      },
    },
  },
  responses: {
    202: jsonContent(BulkJobSchema, 'Accepted: the job is queued'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 429),
  },
});

const getJob = createRoute({
  method: 'get',
  path: `${BULK_JOBS_PATH}/{id}`,
  tags: ['Bulk issuance'],
  summary: 'Progress of a bulk job',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(BulkJobSchema, 'The job and its counts'),
    ...problemResponses(400, 401, 404),
  },
});

const getErrors = createRoute({
  method: 'get',
  path: `${BULK_JOBS_PATH}/{id}/errors`,
  tags: ['Bulk issuance'],
  summary:
    'The rows of a bulk job that failed or were skipped as duplicates, with their row numbers and reasons',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(
      z.array(
        z.object({
          row: z.number().int(),
          reason: z.enum(['failed', 'duplicate']),
          error: z.string(),
          credentialId: z
            .uuid()
            .optional()
            .openapi({ description: 'For a duplicate: the valid credential the recipient already holds' }),
        }),
      ),
      'Failed and duplicate rows in file order',
    ),
    ...problemResponses(400, 401, 404),
  },
});

const cancelJob = createRoute({
  method: 'post',
  path: `${BULK_JOBS_PATH}/{id}/cancel`,
  tags: ['Bulk issuance'],
  summary: 'Stop a bulk job: rows not yet issued are not issued (issuer role)',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: { 200: jsonContent(BulkJobSchema, 'The job'), ...problemResponses(400, 401, 403, 404) },
});

/**
 * The upload as text, decoded while it streams (the body limit counts the same stream), so a 64 MB upload
 * is never held twice, as bytes and as text.
 */
async function readUploadText(body: ReadableStream<Uint8Array> | null): Promise<string> {
  if (body === null) return '';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch (cause) {
      throw new ServerError(ServerErrorCode.PARSING_ERROR, 'the upload is not UTF-8 text', { cause });
    }
  };
  const parts: string[] = [];
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(decode(value));
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
  parts.push(decode());
  return parts.join('');
}

/** `/bulk-jobs`: uploads that become durable background jobs. */
export function bulkJobRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const router = createRouter<ApiEnv>();

  router.openapi(createJob, async (c) => {
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const format = CSV_TYPES.includes(type) ? 'csv' : JSONL_TYPES.includes(type) ? 'jsonl' : undefined;
    if (format === undefined) {
      throw new ServerError(
        ServerErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'upload text/csv or application/x-ndjson (JSON lines)',
      );
    }
    const text = await readUploadText(c.req.raw.body);
    const query = c.req.valid('query');
    const job = await platform.bulk.create(c.get('actor'), {
      ...query,
      allowDuplicates: query.allowDuplicates === 'true',
      format,
      text,
    });
    c.header('Location', `/api/v1${BULK_JOBS_PATH}/${job.id}`);
    return c.json(present(job), 202);
  });

  router.openapi(getJob, async (c) =>
    c.json(present(await platform.bulk.get(c.get('actor'), c.req.valid('param').id)), 200),
  );

  router.openapi(getErrors, async (c) =>
    c.json(await platform.bulk.errors(c.get('actor'), c.req.valid('param').id), 200),
  );

  router.openapi(cancelJob, async (c) =>
    c.json(present(await platform.bulk.cancel(c.get('actor'), c.req.valid('param').id)), 200),
  );

  return router;
}
