import type { Context } from 'hono';
import type { AchievementOutcomes } from '../../../domain/outcomes/achievement-outcomes.js';
import type { WebEnv } from '../../shared/web-env.js';

/**
 * The career outcomes of an achievement's earners, on its console page: the response rate beside the
 * figures, and no figure at all under 5 respondents (the same rule as the API; the domain gives none).
 */
export function AchievementOutcomesSection(props: {
  readonly c: Context<WebEnv>;
  readonly outcomes: AchievementOutcomes;
}) {
  const { c, outcomes } = props;
  const t = c.get('t');
  // French typography puts a narrow no-break space before the percent sign.
  const percent = (share: number) => `${Math.round(share * 100)}${t.locale === 'fr' ? '\u202f' : ''}%`;
  const rate =
    outcomes.responseRate === null
      ? null
      : t('outcomes.console.responseRate', {
          respondents: outcomes.respondents,
          asked: outcomes.asked,
          rate: percent(outcomes.responseRate),
        });
  return (
    <section aria-labelledby="outcomes-heading" id="outcomes">
      <h2 id="outcomes-heading">{t('outcomes.console.heading')}</h2>
      <p class="hint">{t('outcomes.console.lead')}</p>
      {rate === null ? <p>{t('outcomes.console.noneAsked')}</p> : <p data-response-rate>{rate}</p>}
      {outcomes.figures === null ? (
        outcomes.asked === 0 ? null : (
          <p data-outcomes-hidden>{t('outcomes.console.notShown', { min: outcomes.minRespondents })}</p>
        )
      ) : (
        <table>
          <caption>{rate}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outcomes.console.outcome')}</th>
              <th scope="col">{t('outcomes.console.share')}</th>
              <th scope="col">{t('outcomes.console.interval')}</th>
              <th scope="col">{t('outcomes.console.respondents')}</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.figures.map((figure) => (
              <tr data-outcome={figure.outcome}>
                <th scope="row">{t(`outcomes.answer.${figure.outcome}`)}</th>
                <td>{percent(figure.share)}</td>
                <td>
                  {percent(figure.interval.lower)} – {percent(figure.interval.upper)}
                </td>
                <td>
                  {figure.count} / {outcomes.respondents}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
