/**
 * A role as the address of a talent search carries it, so that a result page can be shared: `skill` for
 * each skill asked (a framework URI), `essential` for those that weigh double, `required` for those every
 * candidate must prove, `weight` (`"1.5 URI"`) for a weight of the employer's own, and the filters. Read from and written to a query string, nothing else.
 */
export interface RoleQuery {
  readonly skills: readonly string[];
  readonly essential: readonly string[];
  readonly required: readonly string[];
  /** The skills whose weight is not their essential (2) / optional (1) default, as a saved role sets it. */
  readonly weights: readonly (readonly [uri: string, weight: number])[];
  /** The ESCO occupation the role started from, carried to a saved role; '' for none. */
  readonly occupation: string;
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
// As SavedRoleInputSchema bounds an occupation URI.
const MAX_OCCUPATION_LENGTH = 500;
// As TalentSearchSchema bounds a weight.
const MAX_WEIGHT = 10;

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
    weights: [
      ...new Map(
        (query.weight ?? []).flatMap((value) => {
          const [number = '', uri = ''] = value.trim().split(/\s+/, 2);
          const weight = Number(number);
          return asked.has(uri) && Number.isFinite(weight) && weight > 0 && weight <= MAX_WEIGHT
            ? [[uri, weight] as const]
            : [];
        }),
      ),
    ],
    occupation: one('occupation').slice(0, MAX_OCCUPATION_LENGTH),
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
  for (const [uri, weight] of role.weights) params.append('weight', `${weight} ${uri}`);
  if (role.occupation !== '') params.set('occupation', role.occupation);
  if (role.issuer !== '') params.set('issuer', role.issuer);
  if (role.since !== '') params.set('since', role.since);
  if (role.location !== '') params.set('location', role.location);
  if (page > 1) params.set('page', String(page));
  return `?${params.toString()}`;
}
