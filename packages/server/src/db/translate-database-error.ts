import { DrizzleQueryError } from 'drizzle-orm/errors';
import { isServerError, ServerError, ServerErrorCode } from '../domain/error/server-error.js';

/** The fields node-postgres and PGlite both put on a server error (they share pg-protocol's shape). */
interface PostgresErrorFields {
  readonly code: string;
  readonly constraint?: string;
}

function isPostgresError(value: unknown): value is Error & PostgresErrorFields {
  return (
    value instanceof Error &&
    'code' in value &&
    typeof value.code === 'string' &&
    // SQLSTATE: five characters, which tells it apart from Node's `ECONNREFUSED` and the like.
    /^[0-9A-Z]{5}$/.test(value.code)
  );
}

/** The PostgreSQL error inside `error` (drizzle wraps driver errors), if any. */
export function postgresErrorOf(error: unknown): (Error & PostgresErrorFields) | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined; depth += 1) {
    if (isPostgresError(current)) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

const CONSTRAINT_MESSAGES: Readonly<Record<string, { code: ServerErrorCode; message: string }>> = {
  // SQLSTATE class 23, integrity constraint violations (PostgreSQL manual, appendix A).
  '23505': { code: ServerErrorCode.CONFLICT, message: 'already exists' },
  '23503': { code: ServerErrorCode.NOT_FOUND, message: 'refers to a record that does not exist' },
  '23514': { code: ServerErrorCode.VALIDATION_ERROR, message: 'breaks a rule of the data model' },
  '23502': { code: ServerErrorCode.VALIDATION_ERROR, message: 'misses a required value' },
  '22P02': { code: ServerErrorCode.VALIDATION_ERROR, message: 'has a value of the wrong type' },
  '22001': { code: ServerErrorCode.VALIDATION_ERROR, message: 'has a value that is too long' },
};

/**
 * Turns a failed query into a `MicrocredError`: constraint violations get the code a caller can act
 * on, anything else becomes `INTERNAL`. Drizzle's own error message lists the query's parameters
 * (documents, names), so it is dropped: the cause kept for the log is the driver's error.
 * Errors that are not database errors (a `MicrocredError` thrown inside a transaction) pass through.
 */
export function translateDatabaseError(error: unknown, options: { readonly subject: string }): unknown {
  if (isServerError(error)) return error;
  const database = postgresErrorOf(error);
  if (database === undefined) {
    if (error instanceof DrizzleQueryError) {
      return new ServerError(ServerErrorCode.INTERNAL, `Database query failed: ${error.query}`, {
        cause: error.cause,
      });
    }
    return error;
  }
  const known = CONSTRAINT_MESSAGES[database.code];
  const details = database.constraint === undefined ? undefined : { constraint: database.constraint };
  if (known === undefined) {
    return new ServerError(
      ServerErrorCode.INTERNAL,
      `Database error ${database.code} on ${options.subject}`,
      {
        cause: database,
      },
    );
  }
  return new ServerError(known.code, `The ${options.subject} ${known.message}`, {
    cause: database,
    ...(details === undefined ? {} : { details }),
  });
}
