import { CheckId, type VerificationCheck, type VerificationReport } from '@microcred/vc';
import type { Context } from 'hono';
import type { CredentialStanding } from '../../domain/earner/portfolio.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { StandingBadge } from './layout.js';
import type { WebEnv } from './web-env.js';

/** The verdict of a report in one word: why it failed, when the reason is one a viewer understands. */
export function standingOfReport(report: VerificationReport): CredentialStanding {
  // A signature that holds while nothing shows who made it is never presented as "Verified".
  if (report.verified) return report.authorship === 'unproven' ? 'unproven' : 'verified';
  const failed = (id: string) => report.checks.find((check) => check.id === id && !check.ok);
  const status = failed('status');
  if (status?.code === 'REVOKED') return 'revoked';
  if (status?.code === 'SUSPENDED') return 'suspended';
  if (failed('valid-until') !== undefined) return 'expired';
  return 'unverified';
}

// Each of the pipeline's checks has words in the catalogue; anything else is described generically.
const KNOWN_CHECKS: ReadonlySet<string> = new Set(Object.values(CheckId));

function checkWords(c: Context<WebEnv>, check: VerificationCheck) {
  const t = c.get('t');
  const id = KNOWN_CHECKS.has(check.id) ? check.id : 'other';
  const outcome = !check.ok ? 'failed' : check.warning === true ? 'warning' : 'ok';
  return {
    label: t(`check.${id}.label` as MessageKey),
    meaning: t(`check.${id}.${outcome === 'warning' ? 'ok' : outcome}` as MessageKey),
    outcome,
  };
}

/** The check-by-check report in plain words, with what each failure means for the viewer. */
export function VerificationPanel(props: {
  readonly c: Context<WebEnv>;
  readonly report: VerificationReport;
  readonly heading?: string;
}) {
  const { c, report } = props;
  const t = c.get('t');
  const standing = standingOfReport(report);
  return (
    <section class={`panel panel-${standing}`} aria-labelledby="verification-heading" data-verdict={standing}>
      <h2 id="verification-heading">{props.heading ?? t('verify.panel.heading')}</h2>
      <p>
        <StandingBadge c={c} standing={standing} /> {t(`verify.summary.${standing}` as MessageKey)}
      </p>
      <ul class="checks">
        {report.checks.map((check) => {
          const words = checkWords(c, check);
          return (
            <li class={`check-${words.outcome}`} data-check={check.id} data-outcome={words.outcome}>
              <strong>{words.label}</strong>
              {': '}
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
                  ({t('verify.detail')}: {check.message}
                  {check.code === undefined ? '' : `, ${check.code}`})
                </span>
              )}
            </li>
          );
        })}
      </ul>
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
