import { createMapFetcher, type VerificationReport, verifyCredential } from '@microcred/vc';
import { readBytes, readJsonFile, UsageError } from '../cli-io.js';

export interface VerifyCommandOptions {
  readonly json?: boolean;
  readonly now?: Date;
  /** Status list credentials to use for their `id` instead of fetching them. */
  readonly statusList?: readonly string[];
}

function statusListDocuments(paths: readonly string[]): Map<string, unknown> {
  const documents = new Map<string, unknown>();
  for (const path of paths) {
    const document = readJsonFile(path);
    if (typeof document.id !== 'string')
      throw new UsageError(`${path} has no "id": it cannot stand in for a status list URL`);
    documents.set(document.id, document);
  }
  return documents;
}

function formatReport(file: string, report: VerificationReport): string {
  const lines = [
    `${file}: ${report.verified ? 'VERIFIED' : 'NOT VERIFIED'}${report.format ? ` (${report.format})` : ''}`,
  ];
  for (const check of report.checks) {
    const mark = !check.ok ? 'FAIL' : check.warning ? 'WARN' : ' ok ';
    lines.push(
      `  [${mark}] ${check.id.padEnd(18)} ${check.code && !check.ok ? `${check.code}: ` : ''}${check.message}`,
    );
  }
  for (const nested of report.nested ?? []) {
    lines.push(`  ${nested.path}: ${nested.report.verified ? 'verified' : 'NOT verified'}`);
    for (const check of nested.report.checks.filter((item) => !item.ok || item.warning)) {
      lines.push(`      [${check.ok ? 'WARN' : 'FAIL'}] ${check.id} ${check.message}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `microcred verify FILE...`: JSON, JWT, PNG or SVG. Exit 0 when every file verifies, 1 when any does not;
 * unreadable files are usage errors (2), raised before any verification output.
 */
export async function verifyFiles(
  files: readonly string[],
  options: VerifyCommandOptions,
  stdout: (text: string) => void,
): Promise<number> {
  if (files.length === 0) throw new UsageError('verify needs at least one FILE');
  const inputs = files.map((file) => ({ file, bytes: readBytes(file) }));
  const fetcher = createMapFetcher(statusListDocuments(options.statusList ?? []));
  let allVerified = true;
  for (const { file, bytes } of inputs) {
    const report = await verifyCredential(bytes, {
      fetcher,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    allVerified &&= report.verified;
    stdout(
      options.json
        ? `${JSON.stringify({ file, verified: report.verified, checks: report.checks })}\n`
        : formatReport(file, report),
    );
  }
  return allVerified ? 0 : 1;
}
