import type { JsonObject, VerificationReport } from '@microcred/vc';

/**
 * What a verification job keeps of a report: everything the API shows, not the credential itself (nor
 * the nested reports, which carry theirs): results are kept for days, the credentials only until verified.
 */
export function storableReport(report: VerificationReport): JsonObject {
  const { credential: _credential, nested: _nested, ...kept } = report;
  return JSON.parse(JSON.stringify(kept)) as JsonObject;
}

/** A report `storableReport` kept, read back. */
export function storedReport(stored: JsonObject): VerificationReport {
  return stored as unknown as VerificationReport;
}
