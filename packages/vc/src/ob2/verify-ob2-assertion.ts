import { ErrorCode } from '../error/index.js';
import { type ResourceFetcher, refuseAllFetcher } from '../resource/index.js';
import { failed, passed } from '../verify/checks/check-outcome.js';
import {
  CheckId,
  type InputFormat,
  type VerificationCheck,
  type VerificationReport,
} from '../verify/verification-report.js';
import { checkOb2Assertion, type Ob2Outcome, type Ob2Source } from './check-ob2-assertion.js';
import { isHostedAssertionUrl } from './ob2-assertion.js';

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export interface VerifyOb2Options {
  /** How the assertion, badge class, issuer profile, key and revocation list are read (default: refuse). */
  readonly fetcher?: ResourceFetcher;
  readonly now?: Date;
  /** What carried the assertion (default: `jwt` for a JWS, else `json`). */
  readonly format?: InputFormat;
  /** Checks appended after the OB 2.0 ones (such as `issuer-trust`), given the report so far. */
  readonly appendChecks?: (report: VerificationReport) => Promise<readonly VerificationCheck[]>;
}

/** The report of an OB 2.0 outcome, in the shape every OB 3.0 report has. */
export function ob2ReportOf(
  outcome: Ob2Outcome,
  format: InputFormat,
  before: readonly VerificationCheck[] = [],
) {
  const checks = [...before, ...outcome.checks];
  const report: VerificationReport = {
    verified: checks.every((check) => check.ok),
    format,
    checks,
    ...(outcome.credential === undefined ? {} : { credential: outcome.credential }),
  };
  return report;
}

function sourceOf(input: Readonly<Record<string, unknown>> | string): Ob2Source | undefined {
  if (typeof input !== 'string') return { kind: 'hosted', assertion: { ...input } };
  const text = input.trim();
  if (COMPACT_JWS.test(text)) return { kind: 'signed', jws: text };
  if (isHostedAssertionUrl(text)) return { kind: 'url', url: text };
  return undefined;
}

/**
 * Verifies one Open Badges 2.0 assertion given as its JSON (hosted), its URL (hosted) or its compact JWS
 * (signed), and returns the same report as `verifyCredential`. Never throws.
 */
export async function verifyOb2Assertion(
  input: Readonly<Record<string, unknown>> | string,
  options: VerifyOb2Options = {},
): Promise<VerificationReport> {
  const source = sourceOf(input);
  const format = options.format ?? (source?.kind === 'signed' ? 'jwt' : 'json');
  if (source === undefined) {
    return ob2ReportOf(
      {
        checks: [
          failed(CheckId.PARSE, ErrorCode.PARSING_ERROR, 'not an assertion, its URL nor a compact JWS'),
        ],
      },
      format,
    );
  }
  const outcome = await checkOb2Assertion(source, {
    fetcher: options.fetcher ?? refuseAllFetcher,
    now: options.now ?? new Date(),
  });
  const parse = passed(
    CheckId.PARSE,
    `Open Badges 2.0 assertion read from ${source.kind === 'url' ? 'its URL' : format.toUpperCase()}`,
  );
  const report = ob2ReportOf(outcome, format, [parse]);
  if (options.appendChecks === undefined) return report;
  try {
    const extra = await options.appendChecks(report);
    return ob2ReportOf({ ...outcome, checks: [...outcome.checks, ...extra] }, format, [parse]);
  } catch (error) {
    return ob2ReportOf(
      {
        ...outcome,
        checks: [...outcome.checks, failed(CheckId.APPENDED, ErrorCode.INTERNAL, String(error))],
      },
      format,
      [parse],
    );
  }
}
