import type { Context } from 'hono';
import type { PortfolioItem } from '../../domain/earner/portfolio.js';
import { skillsWallet, type WalletSkill } from '../../domain/skills/skills-wallet.js';
import type { WorkforceInvitation } from '../../domain/workforce/employees.js';
import { itemLinks } from '../shared/credential-card.js';
import { PostForm, StandingBadge } from '../shared/layout.js';
import { Notes } from '../shared/notes.js';
import type { WebEnv } from '../shared/web-env.js';
import { CREDENTIAL_FIELD, itemId, shareableItems } from './sharing-page.js';

/** The anchor the invitation mail links to (`/account/sharing#workforce`). */
export const WORKFORCE_ANCHOR = 'workforce';

/** What one invitation's form holds: the connection's choice, or the one just posted. */
export interface ConnectionValues {
  readonly credentials: 'all' | 'chosen';
  readonly chosen: readonly string[];
}

/** The outcome of the last answer to one invitation, shown on its card. */
export interface WorkforceState {
  readonly employeeId: string;
  /** The choice just refused, kept so the earner corrects it rather than starts again. */
  readonly values?: ConnectionValues;
  readonly message?: string;
  readonly error?: string;
}

export function connectionValuesOf(invitation: WorkforceInvitation): ConnectionValues {
  // An invitation not (or no longer) connected starts from "all", as a consent to be found does.
  if (invitation.status !== 'connected' || invitation.credentialIds === null) {
    return { credentials: 'all', chosen: [] };
  }
  return { credentials: 'chosen', chosen: invitation.credentialIds };
}

/**
 * The skills an employer's inventory reads from a connection: framework skills only (the inventory's
 * columns are framework skills), proven by the credentials chosen (all when null). Pure.
 */
export function skillsShown(
  skills: readonly WalletSkill[],
  credentialIds: readonly string[] | null,
): WalletSkill[] {
  const chosen = credentialIds === null ? null : new Set(credentialIds);
  return skills.flatMap((skill) => {
    if (skill.url === null) return [];
    const evidence = skill.evidence.filter((item) => chosen === null || chosen.has(item.id));
    return evidence.length === 0 ? [] : [{ ...skill, evidence }];
  });
}

function WhatTheySee(props: {
  readonly c: Context<WebEnv>;
  readonly invitation: WorkforceInvitation;
  readonly skills: readonly WalletSkill[];
}) {
  const { c, invitation } = props;
  const t = c.get('t');
  if (invitation.status !== 'connected') {
    return (
      <>
        <p data-sees="nothing">{t('workforce.seesNothing')}</p>
        <p class="hint">{t('workforce.ifAccept')}</p>
      </>
    );
  }
  const name = c.get('earner')?.displayName ?? null;
  const shown = skillsShown(props.skills, invitation.credentialIds);
  return (
    <ul data-sees="connection">
      <li>
        {name === null ? t('workforce.seesNoName') : t('workforce.seesName', { name })}{' '}
        <a href="/account/settings">{t('workforce.settingsLink')}</a>
      </li>
      <li>{t('workforce.seesAddress', { email: invitation.email })}</li>
      <li data-credentials={invitation.credentialIds === null ? 'all' : 'chosen'}>
        {invitation.credentialIds === null ? t('workforce.seesSkillsAll') : t('workforce.seesSkillsChosen')}
        {shown.length === 0 ? (
          <p class="muted" data-skills-shown="0">
            {t('workforce.seesNoSkills')}
          </p>
        ) : (
          <ul data-skills-shown={shown.length}>
            {shown.map((skill) => (
              <li data-skill={skill.url ?? skill.name}>
                <strong>{skill.name}</strong>
                <ul>
                  {skill.evidence.map((evidence) => (
                    <li data-credential={evidence.id}>
                      <a
                        href={
                          evidence.kind === 'issued'
                            ? `/credentials/${evidence.id}`
                            : `/imported/${evidence.id}`
                        }
                      >
                        {t('skills.evidence', {
                          achievement: evidence.achievement,
                          issuer: evidence.issuer,
                          date: t.date(evidence.issuedAt),
                        })}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </li>
    </ul>
  );
}

function ConnectionForm(props: {
  readonly c: Context<WebEnv>;
  readonly invitation: WorkforceInvitation;
  readonly shareable: readonly PortfolioItem[];
  readonly values: ConnectionValues;
}) {
  const { c, invitation, values } = props;
  const t = c.get('t');
  const id = invitation.id;
  const employer = invitation.employer.name;
  const chosen = new Set(values.chosen);
  return (
    // The fragment brings the answer's page back to this section, where its outcome is shown.
    <PostForm c={c} action={`/account/sharing/workforce/${id}/connect#${WORKFORCE_ANCHOR}`}>
      <fieldset>
        <legend>{t('workforce.choiceLegend', { employer })}</legend>
        <p class="radio">
          <input
            id={`workforce-${id}-all`}
            type="radio"
            name="credentials"
            value="all"
            checked={values.credentials === 'all'}
          />
          <label for={`workforce-${id}-all`}>{t('workforce.all')}</label>
        </p>
        <p class="radio">
          <input
            id={`workforce-${id}-chosen`}
            type="radio"
            name="credentials"
            value="chosen"
            checked={values.credentials === 'chosen'}
          />
          <label for={`workforce-${id}-chosen`}>{t('workforce.chosen')}</label>
        </p>
        {props.shareable.length === 0 ? (
          <p class="hint">{t('sharing.noCredentials')}</p>
        ) : (
          <div class="sharing-credentials" data-shareable={props.shareable.length}>
            {props.shareable.map((item) => {
              const credentialId = itemId(item);
              const links = itemLinks(item);
              const inputId = `workforce-${id}-${credentialId}`;
              return (
                <p class="checkbox">
                  <input
                    id={inputId}
                    type="checkbox"
                    name={`${CREDENTIAL_FIELD}${credentialId}`}
                    value="yes"
                    checked={chosen.has(credentialId)}
                  />
                  <label for={inputId}>
                    {links.name} <span class="muted">· {links.issuer}</span>
                    {item.kind === 'imported' ? <span class="muted"> · {t('imported.label')}</span> : null}
                  </label>{' '}
                  <StandingBadge c={c} standing={item.standing} />
                </p>
              );
            })}
          </div>
        )}
      </fieldset>
      <div class="actions">
        <button type="submit" data-connect={id}>
          {invitation.status === 'connected' ? t('workforce.save') : t('workforce.accept')}
          <span class="visually-hidden"> {employer}</span>
        </button>
      </div>
    </PostForm>
  );
}

function InvitationCard(props: {
  readonly c: Context<WebEnv>;
  readonly invitation: WorkforceInvitation;
  readonly skills: readonly WalletSkill[];
  readonly shareable: readonly PortfolioItem[];
  readonly state: WorkforceState | undefined;
}) {
  const { c, invitation } = props;
  const t = c.get('t');
  const id = invitation.id;
  const employer = invitation.employer.name;
  const state = props.state?.employeeId === id ? props.state : undefined;
  const status =
    invitation.status === 'connected'
      ? t('workforce.statusConnected', { date: t.date(invitation.connectedAt ?? invitation.invitedAt) })
      : invitation.status === 'declined'
        ? t('workforce.statusDeclined', { date: t.date(invitation.declinedAt ?? invitation.invitedAt) })
        : t('workforce.statusInvited');
  return (
    <article
      class="panel consent"
      data-employee={id}
      data-status={invitation.status}
      aria-labelledby={`employee-${id}`}
    >
      <h3 id={`employee-${id}`}>{employer}</h3>
      <Notes message={state?.message} error={state?.error} />
      <dl class="facts">
        <dt>{t('workforce.statusLabel')}</dt>
        <dd>{status}</dd>
        <dt>{t('workforce.teamLabel')}</dt>
        <dd data-team={invitation.team ?? ''}>
          {invitation.team === null ? (
            t('workforce.teamNone')
          ) : (
            <>
              {invitation.team} <span class="muted">· {t('workforce.teamBy')}</span>
            </>
          )}
        </dd>
        <dt>{t('workforce.invitedLabel')}</dt>
        <dd>{t('workforce.invitedOn', { email: invitation.email, date: t.date(invitation.invitedAt) })}</dd>
      </dl>
      <h4>{t('workforce.seesHeading', { employer })}</h4>
      <WhatTheySee c={c} invitation={invitation} skills={props.skills} />
      <ConnectionForm
        c={c}
        invitation={invitation}
        shareable={props.shareable}
        values={state?.values ?? connectionValuesOf(invitation)}
      />
      {invitation.status === 'declined' ? null : (
        <PostForm
          c={c}
          action={`/account/sharing/workforce/${id}/decline#${WORKFORCE_ANCHOR}`}
          confirm={
            invitation.status === 'connected'
              ? t('workforce.disconnectConfirm', { employer })
              : t('workforce.declineConfirm', { employer })
          }
        >
          <div class="actions">
            <button type="submit" class="secondary danger" data-decline={id}>
              {invitation.status === 'connected' ? t('workforce.disconnect') : t('workforce.decline')}
              <span class="visually-hidden"> {employer}</span>
            </button>
          </div>
        </PostForm>
      )}
    </article>
  );
}

/**
 * "Employers you work for" on `/account/sharing`: each employer that invited one of the earner's confirmed
 * addresses (or that they connected to), what it sees, and the earner's answer.
 */
export function WorkforceSection(props: {
  readonly c: Context<WebEnv>;
  readonly invitations: readonly WorkforceInvitation[];
  /** The earner's portfolio: the credentials to choose from, and the skills they prove. */
  readonly items: readonly PortfolioItem[];
  readonly state?: WorkforceState | undefined;
}) {
  const { c, invitations } = props;
  const t = c.get('t');
  // The wallet decides what proves a skill (accepted, verified, unexpired), as the inventory's evidence does.
  const skills = skillsWallet(props.items);
  const shareable = shareableItems(props.items);
  return (
    <section id={WORKFORCE_ANCHOR} aria-labelledby="workforce-heading" class="sharing-form">
      <h2 id="workforce-heading">{t('workforce.heading')}</h2>
      <p>{t('workforce.lead')}</p>
      <p>
        <strong>{t('workforce.stopHint')}</strong>
      </p>
      {invitations.length === 0 ? (
        <p class="notice" data-invitations="none">
          {t('workforce.none')} <a href="/account/settings">{t('workforce.settingsLink')}</a>
        </p>
      ) : (
        // Full-width panels, one under the other: each holds a form too wide for a grid's column.
        invitations.map((invitation) => (
          <InvitationCard
            c={c}
            invitation={invitation}
            skills={skills}
            shareable={shareable}
            state={props.state}
          />
        ))
      )}
    </section>
  );
}
