import type { Context, Hono } from 'hono';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { Platform } from '../../domain/platform.js';
import { isOutcomeWave, OUTCOMES, type OutcomeSurvey } from '../../domain/ports/index.js';
import { PostForm } from '../shared/layout.js';
import { formField, readForm, requireEarner } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';

// Enough for a page section; older unanswered waves stay answerable from their mails.
const SHOWN = 5;

/** What the account page shows of the survey: the one-time consent question, or the waves to answer. */
export interface OutcomeSurveyView {
  readonly consent: { readonly consented: boolean; readonly decided: boolean };
  readonly surveys: readonly OutcomeSurvey[];
}

export async function outcomeSurveyView(platform: Platform, earnerId: string): Promise<OutcomeSurveyView> {
  const consent = await platform.outcomes.consent(earnerId);
  const surveys = consent.consented ? await platform.outcomes.listForEarner(earnerId) : [];
  return { consent, surveys: surveys.slice(0, SHOWN) };
}

function SurveyForm(props: { readonly c: Context<WebEnv>; readonly survey: OutcomeSurvey }) {
  const { c, survey } = props;
  const t = c.get('t');
  const id = `outcome-${survey.credentialId}-${survey.wave}`;
  return (
    <PostForm c={c} action="/account/outcomes/answer">
      <input type="hidden" name="credentialId" value={survey.credentialId} />
      <input type="hidden" name="wave" value={String(survey.wave)} />
      <fieldset>
        <legend>
          {t('outcomes.question', { achievement: survey.achievementName })}{' '}
          <span class="hint">({t('outcomes.wave', { months: survey.wave })})</span>
        </legend>
        {OUTCOMES.map((outcome) => (
          <p class="checkbox">
            <input
              id={`${id}-${outcome}`}
              type="checkbox"
              name="outcome"
              value={outcome}
              checked={survey.outcomes.includes(outcome)}
            />
            <label for={`${id}-${outcome}`}>{t(`outcomes.answer.${outcome}`)}</label>
          </p>
        ))}
      </fieldset>
      {survey.answeredAt === null ? null : (
        <p class="hint">
          {t('outcomes.account.answered', {
            answers: survey.outcomes.map((o) => t(`outcomes.answer.${o}`)).join(', '),
          })}
        </p>
      )}
      <div class="actions">
        <button type="submit">{t('outcomes.account.save')}</button>
      </div>
    </PostForm>
  );
}

/**
 * The survey on `/account`: asks for consent once, with what is shared (only totals, only from 5
 * respondents); once consented, the waves the earner was asked, unanswered first.
 */
export function OutcomeSurveySection(props: {
  readonly c: Context<WebEnv>;
  readonly view: OutcomeSurveyView;
}) {
  const { c, view } = props;
  const t = c.get('t');
  if (!view.consent.decided) {
    return (
      <section aria-labelledby="outcomes-heading" id="outcomes">
        <h2 id="outcomes-heading">{t('outcomes.consent.heading')}</h2>
        <p>{t('outcomes.consent.lead')}</p>
        <div class="actions">
          <PostForm c={c} action="/account/outcomes/consent">
            <input type="hidden" name="consent" value="yes" />
            <button type="submit">{t('outcomes.consent.yes')}</button>
          </PostForm>
          <PostForm c={c} action="/account/outcomes/consent">
            <input type="hidden" name="consent" value="no" />
            <button type="submit" class="secondary">
              {t('outcomes.consent.no')}
            </button>
          </PostForm>
        </div>
      </section>
    );
  }
  if (view.surveys.length === 0) return null;
  return (
    <section aria-labelledby="outcomes-heading" id="outcomes">
      <h2 id="outcomes-heading">{t('outcomes.account.heading')}</h2>
      {view.surveys.map((survey) => (
        <SurveyForm c={c} survey={survey} />
      ))}
    </section>
  );
}

/** `/account/outcomes/*`: the consent answer and the survey answers from the account page. */
export function mountOutcomeSurveyRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/account/outcomes', (c) => c.redirect('/account#outcomes', 303));

  web.post('/account/outcomes/consent', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    const consent = formField(form, 'consent');
    if (consent !== 'yes' && consent !== 'no') {
      throw new ServerError(ServerErrorCode.VALIDATION_ERROR, 'answer yes or no');
    }
    await platform.outcomes.setConsent(earner.id, consent === 'yes');
    return c.redirect('/account#outcomes', 303);
  });

  web.post('/account/outcomes/answer', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    const wave = Number(formField(form, 'wave'));
    if (!isOutcomeWave(wave)) throw new ServerError(ServerErrorCode.VALIDATION_ERROR, 'unknown survey wave');
    const raw = (await c.req.parseBody({ all: true })).outcome;
    const outcomes = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    await platform.outcomes.answer(earner.id, {
      credentialId: formField(form, 'credentialId'),
      wave,
      outcomes: outcomes.map((value) => (typeof value === 'string' ? value : '')),
    });
    return c.redirect('/account?outcome=saved#outcomes', 303);
  });
}
