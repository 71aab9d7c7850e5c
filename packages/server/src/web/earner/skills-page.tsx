import type { Context } from 'hono';
import type { WalletSkill } from '../../domain/skills/skills-wallet.js';
import { Layout } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';

const ESCO_SKILL = 'http://data.europa.eu/esco/skill/';

/** `/account/skills`: the earner's skills wallet. */
export function SkillsPage(props: { readonly c: Context<WebEnv>; readonly skills: readonly WalletSkill[] }) {
  const { c, skills } = props;
  const t = c.get('t');
  return (
    <Layout c={c} title={t('skills.title')}>
      <h1>{t('skills.title')}</h1>
      <p class="lead">{t('skills.lead')}</p>
      <p>
        {t('skills.export')} <a href="/account/skills.json">{t('skills.exportJson')}</a> ·{' '}
        <a href="/account/skills.csv">{t('skills.exportCsv')}</a>
      </p>
      <p>
        <a href="/account/roles">{t('roles.link')}</a> · <a href="/account/sharing">{t('sharing.link')}</a>
      </p>
      {skills.length === 0 ? (
        <p class="notice">{t('skills.none')}</p>
      ) : (
        skills.map((skill, index) => (
          <section
            class="card"
            aria-labelledby={`wallet-skill-${index}`}
            data-skill={skill.url ?? skill.name}
          >
            <h2 id={`wallet-skill-${index}`}>
              {skill.url?.startsWith(ESCO_SKILL) === true ? (
                <a href={`/skills/${skill.url.slice(ESCO_SKILL.length)}`} title={t('skills.framework')}>
                  {skill.name}
                </a>
              ) : (
                skill.name
              )}
            </h2>
            <p class="muted">{t('skills.provenBy', { count: skill.evidence.length })}</p>
            <ul>
              {skill.evidence.map((evidence) => (
                <li>
                  <a
                    href={
                      evidence.kind === 'issued' ? `/credentials/${evidence.id}` : `/imported/${evidence.id}`
                    }
                  >
                    {t('skills.evidence', {
                      achievement: evidence.achievement,
                      issuer: evidence.issuer,
                      date: t.date(evidence.issuedAt),
                    })}
                  </a>
                  {evidence.level === null ? null : (
                    <span class="muted"> · {t('skills.level', { level: evidence.level })}</span>
                  )}
                  {evidence.issuerVetted ? <span class="muted"> · {t('skills.vetted')}</span> : null}
                  {evidence.kind === 'imported' ? <span class="muted"> · {t('skills.imported')}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </Layout>
  );
}
