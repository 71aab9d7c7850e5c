import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PortfolioItem } from '../../domain/earner/portfolio.js';
import type { Platform } from '../../domain/platform.js';
import type { Earner } from '../../domain/ports/index.js';
import { CredentialCard } from '../shared/credential-card.js';
import { CredentialSourceForm } from '../shared/credential-source/credential-source-form.js';
import { doneNote } from '../shared/done-note.js';
import { Layout, PostForm } from '../shared/layout.js';
import { Notes } from '../shared/notes.js';
import { requireEarner } from '../shared/web-context.js';
import type { WebEnv } from '../shared/web-env.js';
import { OutcomeSurveySection, outcomeSurveyView } from './outcome-survey-section.js';

/** Feature a public credential first on the portfolio, or stop: only what the portfolio shows. */
function FeatureControl(props: {
  readonly c: Context<WebEnv>;
  readonly id: string;
  readonly featured: boolean;
}) {
  const { c } = props;
  const t = c.get('t');
  return (
    <PostForm c={c} action={`/account/featured/${props.id}`}>
      <input type="hidden" name="featured" value={props.featured ? 'off' : 'on'} />
      {props.featured ? <span class="hint">{t('featured.label')} </span> : null}
      <button type="submit" class="secondary" data-feature={props.featured ? 'off' : 'on'}>
        {props.featured ? t('featured.remove') : t('featured.add')}
      </button>
    </PostForm>
  );
}

function ItemControls(props: {
  readonly c: Context<WebEnv>;
  readonly item: PortfolioItem;
  readonly featured: readonly string[];
}) {
  const { c, item } = props;
  const t = c.get('t');
  if (item.kind === 'imported') {
    return (
      <>
        <p class="hint" data-visibility={item.visibility}>
          {item.visibility === 'public' ? t('owner.public') : t('owner.private')}
        </p>
        {item.visibility === 'public' ? (
          <FeatureControl c={c} id={item.imported.id} featured={props.featured.includes(item.imported.id)} />
        ) : null}
      </>
    );
  }
  const id = item.credential.id;
  if (item.choice === 'pending') {
    return (
      <div class="actions">
        <PostForm c={c} action={`/account/credentials/${id}`}>
          <input type="hidden" name="choice" value="accepted" />
          <input type="hidden" name="visibility" value="public" />
          <button type="submit">{t('claim.accept')}</button>
        </PostForm>
        <PostForm c={c} action={`/account/credentials/${id}`}>
          <input type="hidden" name="choice" value="declined" />
          <button type="submit" class="secondary">
            {t('claim.decline')}
          </button>
        </PostForm>
      </div>
    );
  }
  const next = item.choice === 'declined' ? null : item.visibility === 'public' ? 'private' : 'public';
  return (
    <div class="actions">
      <span class="hint" data-visibility={item.choice === 'declined' ? 'declined' : item.visibility}>
        {item.choice === 'declined'
          ? t('owner.declined')
          : item.visibility === 'public'
            ? t('owner.public')
            : t('owner.private')}
      </span>
      {next === null ? (
        <PostForm c={c} action={`/account/credentials/${id}`}>
          <input type="hidden" name="choice" value="accepted" />
          <input type="hidden" name="visibility" value="private" />
          <button type="submit" class="secondary">
            {t('owner.restore')}
          </button>
        </PostForm>
      ) : (
        <PostForm c={c} action={`/account/credentials/${id}`}>
          <input type="hidden" name="visibility" value={next} />
          <button type="submit" class="secondary" data-make={next}>
            {next === 'public' ? t('owner.makePublic') : t('owner.makePrivate')}
          </button>
        </PostForm>
      )}
      {item.choice === 'accepted' && item.visibility === 'public' ? (
        <FeatureControl c={c} id={id} featured={props.featured.includes(id)} />
      ) : null}
    </div>
  );
}

/** `/account`: every credential of the signed-in earner, with its controls, and the import form. */
export function MyCredentialsPage(props: {
  readonly c: Context<WebEnv>;
  readonly earner: Earner;
  readonly items: readonly PortfolioItem[];
  readonly message?: string;
  readonly error?: string;
  /** The career outcomes survey (consent question or waves to answer), when there is something to show. */
  readonly survey?: Child;
}) {
  const { c, earner, items } = props;
  const t = c.get('t');
  // Credentials waiting for an answer stand apart: they are not the earner's until accepted.
  const isPending = (item: PortfolioItem) => item.kind === 'issued' && item.choice === 'pending';
  const pending = items.filter(isPending);
  const answered = items.filter((item) => !isPending(item));
  return (
    <Layout c={c} title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      <Notes message={props.message} error={props.error} />
      {props.survey}
      <p>
        <a href="/account/skills">{t('skills.link')}</a> · <a href="/account/roles">{t('roles.link')}</a> ·{' '}
        <a href="/account/pathways">{t('pathways.mine')}</a> ·{' '}
        <a href="/account/sharing">{t('sharing.link')}</a>
      </p>
      <p>
        {earner.handle === null ? (
          <>
            {t('account.noHandle')} <a href="/account/settings">{t('account.chooseHandle')}</a>
          </>
        ) : (
          <>
            {t('account.publicAt')} <a href={`/u/${earner.handle}`}>/u/{earner.handle}</a>
          </>
        )}
      </p>
      {pending.length === 0 ? null : (
        <section class="panel pending" aria-labelledby="pending-heading">
          <h2 id="pending-heading">{t('account.pending.heading')}</h2>
          <p>{t('account.pending.lead')}</p>
          <div class="grid">
            {pending.map((item) => (
              <CredentialCard c={c} item={item}>
                <p class="pending-label">{t('account.pending.label')}</p>
                <ItemControls c={c} item={item} featured={earner.featured} />
              </CredentialCard>
            ))}
          </div>
        </section>
      )}
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">{t('account.mine.heading')}</h2>
        {answered.length === 0 ? (
          <p>{t('account.empty')}</p>
        ) : (
          <div class="grid">
            {answered.map((item) => (
              <CredentialCard c={c} item={item}>
                <ItemControls c={c} item={item} featured={earner.featured} />
              </CredentialCard>
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">{t('import.heading')}</h2>
        <p class="hint">{t('import.hint')}</p>
        <CredentialSourceForm
          c={c}
          action="/account/imports"
          idPrefix="import"
          labels={{
            file: t('import.file'),
            paste: t('import.paste'),
            url: t('import.url'),
            submit: t('import.submit'),
          }}
        />
      </section>
    </Layout>
  );
}

/** The signed-in earner's `/account` page, with a note on what the last action did. */
export async function renderMyCredentials(
  c: Context<WebEnv>,
  platform: Platform,
  notes: { message?: string; error?: string } = {},
  status: 200 | 400 = 200,
) {
  const earner = requireEarner(c);
  const items = await platform.earners.portfolio(earner.id);
  const survey = await outcomeSurveyView(platform, earner.id);
  const done = doneNote(c, { featured: 'featured.added', unfeatured: 'featured.removed' });
  const saved =
    c.req.query('outcome') === 'saved'
      ? { message: c.get('t')('outcomes.account.saved') }
      : done === undefined
        ? {}
        : { message: done };
  return c.html(
    <MyCredentialsPage
      c={c}
      earner={earner}
      items={items}
      {...saved}
      {...notes}
      survey={<OutcomeSurveySection c={c} view={survey} />}
    />,
    status,
  );
}
