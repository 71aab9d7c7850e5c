import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { CatalogEntry } from '../../domain/achievement/search-catalog.js';
import type { WebEnv } from './web-env.js';

/** The longest search read: the rest of a longer one is dropped. */
export const MAX_SEARCH = 200;

/** The search for what to endorse, by name (`?q=` on the endorsements page at `action`). */
export function EndorseSearchForm(props: {
  readonly c: Context<WebEnv>;
  readonly action: string;
  readonly label: string;
  readonly q: string;
}) {
  const t = props.c.get('t');
  return (
    <form method="get" action={props.action} class="filters">
      <div>
        <label for="endorse-q">{props.label}</label>
        <input id="endorse-q" name="q" type="search" maxlength={MAX_SEARCH} value={props.q} />
      </div>
      <div class="filter-actions">
        <button type="submit">{t('endorsement.search.submit')}</button>
      </div>
    </form>
  );
}

/** One thing found to endorse: an achievement (`by` its issuer) or an issuer. */
export interface EndorseResult {
  readonly id: string;
  readonly name: string;
  readonly by?: string;
  /** Whether the organisation endorses it already. */
  readonly endorsed: boolean;
  /** Its review page. */
  readonly href: string;
}

/** Published achievements found in the catalogue, each reviewed at `review?achievement={id}`. */
export function achievementResults(
  c: Context<WebEnv>,
  options: {
    readonly entries: readonly CatalogEntry[];
    readonly endorsed: ReadonlySet<string>;
    readonly review: string;
  },
): EndorseResult[] {
  const t = c.get('t');
  return options.entries.map(({ achievement, issuer }) => ({
    id: achievement.id,
    name: achievement.name,
    by: t('endorsement.search.by', { issuer: issuer.name }),
    endorsed: options.endorsed.has(achievement.id),
    href: `${options.review}?achievement=${achievement.id}`,
  }));
}

/**
 * What the search found, each with the link to review it (`action` says whether the member may endorse or
 * only view); `none` is shown instead of an empty list.
 */
export function EndorseResults(props: {
  readonly results: readonly EndorseResult[];
  /** The list's and each item's `data-` attribute. */
  readonly markers: { readonly list: string; readonly item: string };
  readonly labelledBy?: string;
  readonly action: string;
  readonly endorsedLabel: string;
  readonly none: Child;
}) {
  if (props.results.length === 0) return <>{props.none}</>;
  const list = { [`data-${props.markers.list}`]: true };
  return (
    <ul class="endorse-results" aria-labelledby={props.labelledBy} {...list}>
      {props.results.map((result) => {
        const item = { [`data-${props.markers.item}`]: result.id };
        return (
          <li {...item}>
            <strong>{result.name}</strong>
            {result.by === undefined ? null : (
              <>
                {' '}
                <span class="muted">{result.by}</span>
              </>
            )}
            {result.endorsed ? <span class="muted"> · {props.endorsedLabel}</span> : null}{' '}
            <a href={result.href}>
              {props.action}
              <span class="visually-hidden"> {result.name}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
