/**
 * A role as the address of a talent search carries it, so that a result page can be shared: `skill` for
 * each skill asked (a framework URI), `essential` for those that weigh double, `required` for those every
 * candidate must prove, and the filters. Read from and written to a query string, nothing else.
 */
export interface RoleQuery {
  readonly skills: readonly string[];
  readonly essential: readonly string[];
  readonly required: readonly string[];
  readonly issuer: string;
  /** `YYYY-MM-DD`, as a date field gives it; '' for none. */
  readonly since: string;
  readonly location: string;
  /** From 1. */
  readonly page: number;
}

// As many as a search takes (TalentSearchSchema): more are dropped here rather than sent to be refused.
const MAX_SKILLS = 100;
const MAX_PAGE = 500;

function unique(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).map((value) => value.trim()).filter((value) => value !== ''))].slice(
    0,
    MAX_SKILLS,
  );
}

/** The role of a query string (`c.req.queries()`'s shape): unknown or repeated fields are ignored. */
export function readRoleQuery(query: Readonly<Record<string, readonly string[] | undefined>>): RoleQuery {
  const one = (name: string) => (query[name]?.[0] ?? '').trim();
  const skills = unique(query.skill);
  const asked = new Set(skills);
  const page = Number.parseInt(one('page'), 10);
  return {
    skills,
    essential: unique(query.essential).filter((uri) => asked.has(uri)),
    required: unique(query.required).filter((uri) => asked.has(uri)),
    issuer: one('issuer'),
    since: one('since'),
    location: one('location'),
    page: Number.isSafeInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The query string of a role (`?…`), without the page unless it is past the first. */
export function roleQueryString(role: RoleQuery, page = role.page): string {
  const params = new URLSearchParams();
  for (const uri of role.skills) params.append('skill', uri);
  for (const uri of role.essential) params.append('essential', uri);
  for (const uri of role.required) params.append('required', uri);
  if (role.issuer !== '') params.set('issuer', role.issuer);
  if (role.since !== '') params.set('since', role.since);
  if (role.location !== '') params.set('location', role.location);
  if (page > 1) params.set('page', String(page));
  return `?${params.toString()}`;
}
