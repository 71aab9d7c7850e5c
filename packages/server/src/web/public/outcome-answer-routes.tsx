import type { Context, Hono } from 'hono';
import type { Outcome } from '../../domain/ports/index.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { doneNote } from '../shared/done-note.js';
import { Layout, PostForm } from '../shared/layout.js';
import { MessagePage } from '../shared/message-page.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';

function ConfirmPage(props: {
  readonly c: Context<WebEnv>;
  readonly achievementName: string;
  readonly wave: number;
  readonly outcome: Outcome;
  readonly action: string;
}) {
  const t = props.c.get('t');
  return (
    <Layout c={props.c} title={t('outcomes.link.title')}>
      <h1>{t('outcomes.link.title')}</h1>
      <p>
        {t('outcomes.link.confirm', {
          outcome: t(`outcomes.answer.${props.outcome}`),
          achievement: props.achievementName,
          months: props.wave,
        })}
      </p>
      <PostForm c={props.c} action={props.action}>
        <button type="submit">{t('outcomes.link.button')}</button>
      </PostForm>
    </Layout>
  );
}

const ANSWER_DONE = { answered: 'outcomes.link.done' } as const satisfies Record<string, MessageKey>;

/**
 * The answer links of survey mails; the signed token in the path is the only authority, so no sign-in is
 * needed. Opening a link only asks (mail scanners open every link, and must not answer for the earner);
 * the page's one button POSTs the answer. No form token either: the signed path is what another site
 * cannot forge. The answer redirects back to the link with `?done=answered`, so a reload cannot post it
 * again.
 */
export function mountOutcomeAnswerRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/outcomes/answer/:token', async (c) => {
    const view = await platform.outcomes.viewAnswerLink(c.req.param('token'));
    const done = doneNote(c, ANSWER_DONE);
    if (done === undefined) return c.html(<ConfirmPage c={c} {...view} action={c.req.path} />);
    const t = c.get('t');
    return c.html(
      <MessagePage
        c={c}
        title={t('outcomes.link.title')}
        text={done}
        link={{ href: '/account#outcomes', label: t('outcomes.account.heading') }}
      />,
    );
  });
  web.post('/outcomes/answer/:token', async (c) => {
    await platform.outcomes.answerByLink(c.req.param('token'));
    return c.redirect(`${c.req.path}?done=answered`, 303);
  });
}
