import {
  CheckId,
  isOb2Assertion,
  VERIFIER_CHECK_IDS,
  type VerificationCheck,
  type VerificationReport,
} from '@microcred/vc';
import type { Context } from 'hono';
import type { CredentialStanding } from '../../domain/earner/portfolio.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { StandingBadge } from './layout.js';
import type { WebEnv } from './web-env.js';

/**
 * The checks that show the document is the one its issuer made and signed. Once one fails, the document
 * may say anything: what later checks read from it (its status entry, its dates) proves nothing.
 */
const INTEGRITY_CHECKS: ReadonlySet<string> = new Set([
  CheckId.PARSE,
  CheckId.JWT,
  CheckId.CONTEXT,
  CheckId.PROOF,
  CheckId.JSON_LD,
  CheckId.ISSUER,
  ...VERIFIER_CHECK_IDS.filter((id) => id.startsWith('jwt.')),
]);

/** Whether the document itself failed: it is not (or not shown to be) what its issuer signed. */
export function integrityFailed(report: VerificationReport): boolean {
  return report.checks.some((check) => !check.ok && INTEGRITY_CHECKS.has(check.id));
}

/** The verdict of a report in one word: why it failed, when the reason is one a viewer understands. */
export function standingOfReport(report: VerificationReport): CredentialStanding {
  // A signature that holds while nothing shows who made it is never presented as "Verified".
  if (report.verified) return report.authorship === 'unproven' ? 'unproven' : 'verified';
  // An altered document is "not verified", whatever status entry or dates it carries.
  if (integrityFailed(report)) return 'unverified';
  const failed = (id: string) => report.checks.find((check) => check.id === id && !check.ok);
  const status = failed('status');
  if (status?.code === 'REVOKED') return 'revoked';
  if (status?.code === 'SUSPENDED') return 'suspended';
  if (failed('valid-until') !== undefined) return 'expired';
  return 'unverified';
}

// Each of the pipeline's checks has words in the catalogue; anything else is described generically.
const KNOWN_CHECKS: ReadonlySet<string> = new Set(VERIFIER_CHECK_IDS);

type Ob2Verification = 'hosted' | 'signed';

/** How an OB 2.0 assertion in a report is verified (hosted or signed), or undefined for any other credential. */
function ob2VerificationOf(report: VerificationReport): Ob2Verification | undefined {
  const credential = report.credential;
  if (credential === undefined || !isOb2Assertion(credential)) return undefined;
  const verification = credential.verification;
  const type =
    typeof verification === 'object' && verification !== null && !Array.isArray(verification)
      ? (verification as Record<string, unknown>).type
      : undefined;
  return type === 'signed' || type === 'SignedBadge' ? 'signed' : 'hosted';
}

// OB 2.0 checks whose OB 3.0 words would be untrue (an assertion is no VC; a hosted one has no signature).
const OB2_WORDS: Readonly<Record<string, Partial<Record<Ob2Verification, string>>>> = {
  [CheckId.TYPE]: { hosted: 'ob2', signed: 'ob2' },
  [CheckId.PROOF]: { hosted: 'ob2-hosted' },
  [CheckId.ISSUER]: { hosted: 'ob2-hosted' },
};
const OB2_LABELS: ReadonlySet<string> = new Set(['check.proof.ob2-hosted.label']);

function checkWords(c: Context<WebEnv>, check: VerificationCheck, ob2?: Ob2Verification) {
  const t = c.get('t');
  const id = KNOWN_CHECKS.has(check.id) ? check.id : 'other';
  const outcome = !check.ok ? 'failed' : check.warning === true ? 'warning' : 'ok';
  const variant = ob2 === undefined ? undefined : OB2_WORDS[id]?.[ob2];
  const prefix = variant === undefined ? `check.${id}` : `check.${id}.${variant}`;
  return {
    label: t((OB2_LABELS.has(`${prefix}.label`) ? `${prefix}.label` : `check.${id}.label`) as MessageKey),
    meaning: t(`${prefix}.${outcome === 'warning' ? 'ok' : outcome}` as MessageKey),
    outcome,
  };
}

const AUTHORSHIP_CHECKS: ReadonlySet<string> = new Set([CheckId.JWT, CheckId.PROOF, CheckId.ISSUER]);

/** The web origin's host (`example.edu`), what a reader recognises; the origin itself when it does not parse. */
function hostOf(origin: string | undefined): string {
  try {
    return new URL(origin ?? '').host;
  } catch {
    return origin ?? '';
  }
}

/**
 * What the trust sources say of the issuer, in plain words. Only `vetted` is ever worded as vetted; a
 * credential that does not prove its issuer is "not assessed", whatever issuer it names.
 */
export function issuerTrustWords(c: Context<WebEnv>, report: VerificationReport): string | undefined {
  const t = c.get('t');
  const trust = report.issuerTrust;
  if (trust === undefined) return undefined;
  const unproven =
    report.authorship === 'unproven' ||
    report.checks.some((check) => !check.ok && AUTHORSHIP_CHECKS.has(check.id));
  if (unproven) return t('trust.notAssessed');
  if (trust.level === 'vetted') {
    return t('trust.vetted', { registry: trust.registry ?? '', name: trust.name ?? '' });
  }
  if (trust.level === 'domain-linked') return t('trust.domainLinked', { domain: hostOf(trust.domain) });
  return t('trust.unknown');
}

function failedIntegrityBefore(report: VerificationReport, index: number): boolean {
  return report.checks.slice(0, index).some((check) => !check.ok && INTEGRITY_CHECKS.has(check.id));
}

/** The check-by-check report in plain words, with what each failure means for the viewer. */
export function VerificationPanel(props: {
  readonly c: Context<WebEnv>;
  readonly report: VerificationReport;
  readonly heading?: string;
  /**
   * The checks one click away when every one passed (a credential page, read for its verdict); a failure
   * always shows them, since they say why.
   */
  readonly collapsePassed?: boolean;
}) {
  const { c, report } = props;
  const t = c.get('t');
  const standing = standingOfReport(report);
  const checks = <CheckList c={c} report={report} />;
  return (
    <section class={`panel panel-${standing}`} aria-labelledby="verification-heading" data-verdict={standing}>
      <h2 id="verification-heading">{props.heading ?? t('verify.panel.heading')}</h2>
      <p>
        <StandingBadge c={c} standing={standing} /> {t(`verify.summary.${standing}` as MessageKey)}
      </p>
      {props.collapsePassed === true && standing === 'verified' ? (
        <details class="checks-details">
          <summary>{t('verify.howChecked', { count: report.checks.length })}</summary>
          {checks}
        </details>
      ) : (
        checks
      )}
      {report.nested === undefined || report.nested.length === 0 ? null : (
        <details>
          <summary>{t('verify.nested', { count: report.nested.length })}</summary>
          <ul class="checks">
            {report.nested.map((nested) => (
              <li class={nested.report.verified ? 'check-ok' : 'check-failed'}>
                <code>{nested.path}</code>: <StandingBadge c={c} standing={standingOfReport(nested.report)} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** Every check of `report` in words; those after a failed integrity check are "not assessed". */
function CheckList(props: { readonly c: Context<WebEnv>; readonly report: VerificationReport }) {
  const { c, report } = props;
  const t = c.get('t');
  return (
    <ul class="checks">
      {report.checks.map((check, index) => {
        if (!INTEGRITY_CHECKS.has(check.id) && failedIntegrityBefore(report, index)) {
          return (
            <li class="check-skipped" data-check={check.id} data-outcome="skipped">
              <strong>{checkWords(c, check, ob2VerificationOf(report)).label}</strong>
              {t('punctuation.colon')}
              {t('verify.outcome.skipped')}
              {'. '}
              {t('verify.skipped.meaning')}
            </li>
          );
        }
        const words = checkWords(c, check, ob2VerificationOf(report));
        const trustWords = check.id === CheckId.ISSUER_TRUST ? issuerTrustWords(c, report) : undefined;
        if (trustWords !== undefined) {
          // Said in full by the trust words; the verdict word ("passed") would read as "trusted".
          return (
            <li
              class={`check-${words.outcome}`}
              data-check={check.id}
              data-outcome={words.outcome}
              data-trust={report.issuerTrust?.level}
            >
              <strong>{words.label}</strong>
              {t('punctuation.colon')}
              {trustWords}
            </li>
          );
        }
        return (
          <li class={`check-${words.outcome}`} data-check={check.id} data-outcome={words.outcome}>
            <strong>{words.label}</strong>
            {t('punctuation.colon')}
            {words.outcome === 'ok'
              ? t('verify.outcome.ok')
              : words.outcome === 'warning'
                ? t('verify.outcome.warning')
                : t('verify.outcome.failed')}
            {'. '}
            {words.meaning}
            {words.outcome === 'ok' ? null : (
              <span class="hint">
                {' '}
                ({t('verify.detail')}
                {t('punctuation.colon')}
                {check.message}
                {check.code === undefined ? '' : `, ${check.code}`})
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
