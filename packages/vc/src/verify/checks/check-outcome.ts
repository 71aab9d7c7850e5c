import { ErrorCode, MicrocredError } from '../../error/index.js';
import type { VerificationCheck } from '../verification-report.js';

/** A check that passed; `warning` when it passed with a caveat the viewer should see. */
export function passed(id: string, message: string, warning = false): VerificationCheck {
  return warning ? { id, ok: true, message, warning } : { id, ok: true, message };
}

export function failed(id: string, code: ErrorCode, message: string): VerificationCheck {
  return { id, ok: false, code, message };
}

/** A failed check from a thrown error: its own code when it is ours, INTERNAL otherwise. */
export function failedWith(id: string, error: unknown): VerificationCheck {
  if (error instanceof MicrocredError) return failed(id, error.code, error.message);
  return failed(id, ErrorCode.INTERNAL, `unexpected failure: ${String(error)}`);
}
