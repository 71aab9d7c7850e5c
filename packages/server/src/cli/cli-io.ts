import { readFileSync, writeFileSync } from 'node:fs';
import { ErrorCode, MicrocredError, parseIJson } from '@microcred/vc';

/** A usage problem (bad flags, unreadable file): exit code 2, as the CLI contract says. */
export class UsageError extends Error {}

export function readBytes(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (cause) {
    throw new UsageError(`cannot read ${path}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`);
  }
}

/**
 * A JSON object file, read as strict I-JSON: status lists and key documents come from elsewhere, and one
 * with duplicate members would read differently here and in another verifier.
 */
export function readJsonFile(path: string): Record<string, unknown> {
  const text = new TextDecoder().decode(readBytes(path));
  try {
    const value: unknown = parseIJson(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new Error('not a JSON object');
    return value as Record<string, unknown>;
  } catch (cause) {
    throw new UsageError(`${path} is not a JSON object: ${(cause as Error).message}`);
  }
}

/** Writes a file; secrets (key files) are created readable by the owner only. */
export function writeOutput(
  path: string,
  content: string | Uint8Array,
  options: { secret?: boolean } = {},
): void {
  writeFileSync(path, content, options.secret ? { mode: 0o600 } : {});
}

export function parseDateOption(value: string, flag: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new UsageError(`${flag} must be an ISO 8601 date-time, got "${value}"`);
  return date;
}

export function describeError(error: unknown): string {
  if (error instanceof MicrocredError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

export { ErrorCode };
