import type { Context } from 'hono';
import type { EmployerWorkspace } from '../../domain/employer/employer-access.js';
import type { TalentProof } from '../../domain/ports/index.js';
import type { PathwayRecommendation } from '../../domain/skills/skill-gap.js';
import type { SkillEvidence } from '../../domain/skills/skills-wallet.js';
import type {
  CandidateIdentity,
  CandidateView,
  TalentCandidate,
  TalentSearchResult,
} from '../../domain/talent/search-talent.js';
import { RecommendationItem } from '../shared/recommendation-item.js';
import type { WebEnv } from '../shared/web-env.js';
import { employerPath } from './employer-context.js';
import { EmployerLayout } from './employer-layout.js';
import { ReviewForm, SkillName } from './role-pages.js';
import { type RoleQuery, roleQueryString } from './role-query.js';

/** How a candidate is named: by name when their consent shows it, else by their reference. */
function candidateName(c: Context<WebEnv>, candidate: CandidateIdentity): string {
  return candidate.name ?? c.get('t')('employer.candidate.reference', { reference: candidate.reference });
}

/** One credential that proves a skill: what, from whom (vetted or not), when; a page to check it. */
function Proof(props: {
  readonly c: Context<WebEnv>;
  readonly proof: {
    readonly kind: 'issued' | 'imported';
    readonly id: string;
    readonly achievement: string;
    readonly issuer: string;
    readonly issuedAt: Date;
    readonly issuerVetted: boolean;
  };
}) {
  const t = props.c.get('t');
  const { proof } = props;
  return (
    <li data-proof={proof.id}>
      {proof.kind === 'issued' ? (
        <a href={`/credentials/${proof.id}`}>{proof.achievement}</a>
      ) : (
        proof.achievement
      )}{' '}
      <span class="muted">
        · {proof.issuer}
        {proof.issuerVetted ? (
          <>
            {' '}
            <span class="vetted">{t('employer.proof.vetted')}</span>
          </>
        ) : null}{' '}
        · {t.date(proof.issuedAt)}
        {proof.kind === 'imported' ? ` · ${t('employer.proof.imported')}` : null}
      </span>
    </li>
  );
}

function fromTalentProof(proof: TalentProof) {
  return {
    kind: proof.credentialKind,
    id: proof.credentialId,
    achievement: proof.achievementName,
    issuer: proof.issuerName,
    issuedAt: proof.issuedAt,
    issuerVetted: proof.issuerVetted,
  };
}

function fromEvidence(evidence: SkillEvidence) {
  return {
    kind: evidence.kind,
    id: evidence.id,
    achievement: evidence.achievement,
    issuer: evidence.issuer,
    issuedAt: evidence.issuedAt,
    issuerVetted: evidence.issuerVetted,
  };
}

/** Where and how to reach a candidate, as far as their consent shows it. */
function Identity(props: { readonly c: Context<WebEnv>; readonly candidate: CandidateIdentity }) {
  const t = props.c.get('t');
  const { candidate } = props;
  if (candidate.location === null && candidate.contact === null) return null;
  return (
    <p class="candidate-identity">
      {candidate.location === null ? null : (
        <span>{t('employer.candidate.location', { location: candidate.location })}</span>
      )}
      {candidate.location !== null && candidate.contact !== null ? ' · ' : null}
      {candidate.contact === null ? null : (
        <span>
          {t('employer.candidate.contact')} <a href={`mailto:${candidate.contact}`}>{candidate.contact}</a>
        </span>
      )}
    </p>
  );
}

export const PAGE_SIZE = 20;

/**
 * Ranked candidates from `first` (0-based), each with what their consent shows, their coverage and the
 * credentials that prove each matched skill; `href` is the page of one against the role (none for
 * internal candidates: that page reads a talent consent, which an employee's connection is not).
 */
export function CandidateList(props: {
  readonly c: Context<WebEnv>;
  readonly candidates: readonly TalentCandidate[];
  readonly first: number;
  readonly href?: (candidate: TalentCandidate) => string;
}) {
  const { c, candidates } = props;
  const t = c.get('t');
  if (candidates.length === 0) return null;
  return (
    <ol class="candidates" start={props.first + 1}>
      {candidates.map((candidate) => (
        <li data-candidate={candidate.reference}>
          <article aria-labelledby={`candidate-${candidate.reference}`}>
            <h2 id={`candidate-${candidate.reference}`}>
              {props.href === undefined ? (
                candidateName(c, candidate)
              ) : (
                <a href={props.href(candidate)}>{candidateName(c, candidate)}</a>
              )}
            </h2>
            {candidate.team === undefined || candidate.team === null ? null : (
              <p class="candidate-team">
                {t('employer.workforce.candidates.team', { team: candidate.team })}
              </p>
            )}
            <Identity c={c} candidate={candidate} />
            <p class="coverage" data-coverage>
              {t('employer.talent.coverage', {
                matched: candidate.coverage.matched,
                asked: candidate.coverage.asked,
                essentialMatched: candidate.coverage.essentialMatched,
                essentialAsked: candidate.coverage.essentialAsked,
              })}
            </p>
            <ul class="matched">
              {candidate.matched.map((item) => (
                <li data-skill={item.skill.id}>
                  <SkillName skill={item.skill} />{' '}
                  <span class="muted">
                    ({t(item.skill.essential ? 'skill.essential' : 'skill.optional')})
                  </span>{' '}
                  {t('employer.proof.provenBy')}
                  <ul class="proofs">
                    {item.proofs.map((proof) => (
                      <Proof c={c} proof={fromTalentProof(proof)} />
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </article>
        </li>
      ))}
    </ol>
  );
}

/** Previous and next links over `pages` result pages; nothing when there is one. */
export function Pager(props: {
  readonly c: Context<WebEnv>;
  readonly page: number;
  readonly pages: number;
  readonly href: (page: number) => string;
}) {
  const { page, pages } = props;
  const t = props.c.get('t');
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t('employer.talent.pages')}>
      {page > 1 ? (
        <a href={props.href(page - 1)} rel="prev">
          {t('employer.talent.previous')}
        </a>
      ) : (
        <span></span>
      )}
      <span>{t('employer.talent.page', { page, pages })}</span>
      {page < pages ? (
        <a href={props.href(page + 1)} rel="next">
          {t('employer.talent.next')}
        </a>
      ) : (
        <span></span>
      )}
    </nav>
  );
}

/** `/employer/{slug}/talent?…`: consenting candidates, best first, each match explained by its proofs. */
export function TalentPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly role: RoleQuery;
  readonly result: TalentSearchResult;
}) {
  const { c, workspace, role, result } = props;
  const t = c.get('t');
  const essential = new Set(role.essential);
  const required = new Set(role.required);
  const weights = new Map(role.weights);
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const first = (role.page - 1) * PAGE_SIZE;
  const candidateQuery = roleQueryString(role, 1);
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={t('employer.talent.title')}
      before={
        <p>
          <a href={employerPath(workspace)}>{t('employer.talent.newRole')}</a>
        </p>
      }
    >
      <p class="lead" data-total={result.total}>
        {result.total === 0
          ? t('employer.talent.none')
          : t('employer.talent.count', {
              total: result.total,
              from: Math.min(first + 1, result.total),
              to: Math.min(first + result.candidates.length, result.total),
            })}
      </p>
      <details class="role-refine">
        <summary>{t('employer.talent.refine', { count: result.skills.length })}</summary>
        <ReviewForm
          c={c}
          workspace={workspace}
          skills={result.skills.map((skill) => ({
            id: skill.id,
            label: skill.label,
            include: true,
            essential: essential.has(skill.id),
            required: required.has(skill.id),
            ...(weights.has(skill.id) ? { weight: skill.weight } : {}),
          }))}
          filters={{ issuer: role.issuer, since: role.since, location: role.location }}
          occupationUri={role.occupation}
        />
      </details>
      <CandidateList
        c={c}
        candidates={result.candidates}
        first={first}
        href={(candidate) => employerPath(workspace, `/candidates/${candidate.earnerId}${candidateQuery}`)}
      />
      <Pager
        c={c}
        page={role.page}
        pages={pages}
        href={(page) => `${employerPath(workspace, '/talent')}${roleQueryString(role, page)}`}
      />
    </EmployerLayout>
  );
}

/** `/employer/{slug}/candidates/{earnerId}?…`: one candidate against the role, and what closes their gap. */
export function CandidatePage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly role: RoleQuery;
  readonly view: CandidateView;
  /** The recommendations that together close the most missing skills (essential ones when there are). */
  readonly closing: { readonly achievementIds: readonly string[]; readonly closes: readonly string[] };
}) {
  const { c, workspace, role, view, closing } = props;
  const t = c.get('t');
  const { gap } = view;
  const essential = new Set(role.essential);
  const missingEssential = gap.missing.filter((skill) => essential.has(skill.id));
  const missingOptional = gap.missing.filter((skill) => !essential.has(skill.id));
  const chosenIds = new Set(closing.achievementIds);
  const chosen = closing.achievementIds.flatMap((id) => {
    const item = gap.recommendations.find((recommendation) => recommendation.achievementId === id);
    return item === undefined ? [] : [item];
  });
  const others = gap.recommendations.filter((item) => !chosenIds.has(item.achievementId));
  const name = candidateName(c, view);
  const names = new Map(gap.recommendations.map((item) => [item.achievementId, item.name]));
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={name}
      before={
        <p>
          <a href={`${employerPath(workspace, '/talent')}${roleQueryString(role)}`}>
            {t('employer.candidate.back')}
          </a>
        </p>
      }
    >
      <Identity c={c} candidate={view} />
      <p class="lead" data-summary>
        {t('employer.candidate.summary', {
          have: gap.have.length,
          total: gap.have.length + gap.missing.length,
        })}
      </p>
      <section aria-labelledby="candidate-have">
        <h2 id="candidate-have">{t('employer.candidate.have')}</h2>
        {gap.have.length === 0 ? (
          <p>{t('employer.candidate.haveNone')}</p>
        ) : (
          <ul class="matched" data-have>
            {gap.have.map((skill) => (
              <li data-skill={skill.id}>
                <SkillName skill={skill} />{' '}
                <span class="muted">
                  ({t(essential.has(skill.id) ? 'skill.essential' : 'skill.optional')})
                </span>{' '}
                {t('employer.proof.provenBy')}
                <ul class="proofs">
                  {skill.evidence.map((evidence) => (
                    <Proof c={c} proof={fromEvidence(evidence)} />
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      {gap.missing.length === 0 ? (
        <p class="notice">{t('employer.candidate.noGap')}</p>
      ) : (
        <section aria-labelledby="candidate-missing">
          <h2 id="candidate-missing">{t('employer.candidate.missing')}</h2>
          {missingEssential.length === 0 ? null : (
            <>
              <h3>{t('employer.candidate.missingEssential')}</h3>
              <ul data-missing="essential">
                {missingEssential.map((skill) => (
                  <li data-skill={skill.id}>
                    <SkillName skill={skill} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {missingOptional.length === 0 ? null : (
            <>
              <h3>{t('employer.candidate.missingOptional')}</h3>
              <ul data-missing="optional">
                {missingOptional.map((skill) => (
                  <li data-skill={skill.id}>
                    <SkillName skill={skill} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {gap.missing.length === 0 ? null : (
        <section aria-labelledby="candidate-close">
          <h2 id="candidate-close">{t('employer.candidate.close')}</h2>
          {gap.recommendations.length === 0 && gap.pathways.length === 0 ? (
            <p>{t('employer.candidate.noRecommendations')}</p>
          ) : null}
          {chosen.length === 0 ? null : (
            <>
              <p data-closing>
                {chosen.length === 1
                  ? t('employer.candidate.closingOne', { closes: closing.closes.length })
                  : t('employer.candidate.closing', { count: chosen.length, closes: closing.closes.length })}
              </p>
              <ul data-recommendations="closing">
                {chosen.map((item) => (
                  <RecommendationItem c={c} item={item} />
                ))}
              </ul>
            </>
          )}
          {others.length === 0 ? null : (
            <>
              <h3>{t('employer.candidate.otherAchievements')}</h3>
              <ul data-recommendations="others">
                {others.map((item) => (
                  <RecommendationItem c={c} item={item} />
                ))}
              </ul>
            </>
          )}
          <PathwayList c={c} pathways={gap.pathways} names={names} />
        </section>
      )}
      <p class="muted">
        <small>{t('skill.attribution')}</small>
      </p>
    </EmployerLayout>
  );
}

/**
 * The pathways that would close a gap, each with what it covers, its effort and the achievements through
 * which it does (linked: no public page shows a pathway on its own); nothing when there are none.
 */
export function PathwayList(props: {
  readonly c: Context<WebEnv>;
  readonly pathways: readonly PathwayRecommendation[];
  /** The names of the recommended achievements, by id: a pathway's covering achievements among them. */
  readonly names: ReadonlyMap<string, string>;
}) {
  const t = props.c.get('t');
  if (props.pathways.length === 0) return null;
  return (
    <>
      <h3>{t('employer.candidate.pathways')}</h3>
      <ul data-pathways>
        {props.pathways.map((item) => (
          <li data-pathway={item.pathwayId}>
            {item.name}{' '}
            <span class="muted">
              · {t('role.covers', { count: item.covers.length })} ·{' '}
              {item.hours === null ? t('role.noHours') : t('catalogue.hours', { hours: item.hours })}
            </span>
            <br />
            {t('employer.candidate.through')}{' '}
            {item.achievementIds
              .filter((id) => props.names.has(id))
              .map((id, index) => (
                <>
                  {index === 0 ? null : ', '}
                  <a href={`/achievements/${id}`}>{props.names.get(id)}</a>
                </>
              ))}
          </li>
        ))}
      </ul>
    </>
  );
}
