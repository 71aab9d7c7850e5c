import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { Earner, ProfileLink } from '../ports/index.js';
import { listPortfolio } from './portfolio.js';

/** What the portfolio header holds at most: it is a header, not a page of its own. */
export const PUBLIC_PROFILE_LIMITS = {
  headline: 120,
  links: 3,
  label: 40,
  url: 300,
  featured: 3,
} as const;

/** Why a header field is refused; `index` names the link (0-based) when the problem is one link's. */
export type PublicProfileProblem =
  | { readonly field: 'headline'; readonly problem: 'too-long' }
  | { readonly field: 'links'; readonly problem: 'too-many' }
  | {
      readonly field: 'link';
      readonly index: number;
      readonly problem: 'not-https' | 'url-too-long' | 'label-too-long' | 'label-without-url';
    };

export interface PublicProfileInput {
  readonly headline: string;
  /** As typed; rows with neither label nor address are ignored. */
  readonly links: readonly { readonly label: string; readonly url: string }[];
}

/** Only https: a portfolio must not send its visitors to a plain-text or `javascript:` address. */
function isHttpsUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}

/**
 * The header as it would be stored, or every problem with it (all of them, so a form can show each next
 * to its field). A link without a label is named by its host.
 */
export function checkPublicProfile(
  input: PublicProfileInput,
):
  | { readonly ok: true; readonly headline: string | null; readonly links: ProfileLink[] }
  | { readonly ok: false; readonly problems: PublicProfileProblem[] } {
  const problems: PublicProfileProblem[] = [];
  const headline = input.headline.trim();
  if (headline.length > PUBLIC_PROFILE_LIMITS.headline)
    problems.push({ field: 'headline', problem: 'too-long' });
  const rows = input.links
    .map((link, index) => ({ index, label: link.label.trim(), url: link.url.trim() }))
    .filter((link) => link.label !== '' || link.url !== '');
  if (rows.length > PUBLIC_PROFILE_LIMITS.links) problems.push({ field: 'links', problem: 'too-many' });
  const links: ProfileLink[] = [];
  for (const row of rows) {
    const before = problems.length;
    if (row.url === '') problems.push({ field: 'link', index: row.index, problem: 'label-without-url' });
    else if (row.url.length > PUBLIC_PROFILE_LIMITS.url) {
      problems.push({ field: 'link', index: row.index, problem: 'url-too-long' });
    } else if (!isHttpsUrl(row.url)) problems.push({ field: 'link', index: row.index, problem: 'not-https' });
    if (row.label.length > PUBLIC_PROFILE_LIMITS.label) {
      problems.push({ field: 'link', index: row.index, problem: 'label-too-long' });
    }
    if (problems.length === before) {
      links.push({
        label: row.label === '' ? new URL(row.url).hostname : row.label,
        url: new URL(row.url).href,
      });
    }
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, headline: headline === '' ? null : headline, links };
}

/**
 * Sets the portfolio header's headline and links, or changes nothing and says what is wrong with them
 * (a report, not an error: the form shows each problem beside its field).
 */
export async function updatePublicProfile(
  context: PlatformContext,
  earnerId: string,
  input: PublicProfileInput,
): Promise<
  | { readonly ok: true; readonly earner: Earner }
  | { readonly ok: false; readonly problems: PublicProfileProblem[] }
> {
  const checked = checkPublicProfile(input);
  if (!checked.ok) return checked;
  const earner = await context.storage.earners.update({
    id: earnerId,
    headline: checked.headline,
    links: checked.links,
  });
  return { ok: true, earner };
}

/** Why featuring refused: the row is full, or the credential is not one the portfolio shows. */
export const FEATURE_REFUSALS = { full: 'featured-full', notPublic: 'not-public' } as const;

/**
 * Features one of the earner's public credentials (or import) on their portfolio, at the end of the
 * row, or takes it off. At most `PUBLIC_PROFILE_LIMITS.featured`; ids no longer public are dropped first.
 */
export async function setFeatured(
  context: PlatformContext,
  earnerId: string,
  options: { readonly id: string; readonly featured: boolean },
): Promise<Earner> {
  const earner = await context.storage.earners.findById({ id: earnerId });
  if (earner === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such account');
  const shown = new Set(
    (await listPortfolio(context, earnerId))
      .filter((item) =>
        item.kind === 'issued'
          ? item.choice === 'accepted' && item.visibility === 'public'
          : item.visibility === 'public',
      )
      .map((item) => (item.kind === 'issued' ? item.credential.id : item.imported.id)),
  );
  const kept = earner.featured.filter((id) => shown.has(id) && id !== options.id);
  if (!options.featured) return context.storage.earners.update({ id: earnerId, featured: kept });
  if (!shown.has(options.id)) {
    throw new ServerError(ServerErrorCode.VALIDATION_ERROR, 'only a public credential can be featured', {
      details: { reason: FEATURE_REFUSALS.notPublic },
    });
  }
  if (kept.length >= PUBLIC_PROFILE_LIMITS.featured) {
    throw new ServerError(
      ServerErrorCode.VALIDATION_ERROR,
      `at most ${PUBLIC_PROFILE_LIMITS.featured} credentials can be featured`,
      { details: { reason: FEATURE_REFUSALS.full } },
    );
  }
  return context.storage.earners.update({ id: earnerId, featured: [...kept, options.id] });
}
