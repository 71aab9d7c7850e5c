interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly quality: number;
}

function parseAccept(accept: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of accept.split(',')) {
    const [range = '', ...parameters] = part.split(';').map((item) => item.trim());
    const [type, subtype] = range.toLowerCase().split('/');
    if (type === undefined || subtype === undefined || type === '' || subtype === '') continue;
    let quality = 1;
    for (const parameter of parameters) {
      const [name, value] = parameter.split('=').map((item) => item.trim());
      if (name?.toLowerCase() === 'q' && value !== undefined) {
        const parsed = Number(value);
        quality = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
      }
    }
    ranges.push({ type, subtype, quality });
  }
  return ranges;
}

/** The quality the most specific matching range gives `offer` (RFC 9110 §12.5.1), or 0. */
function qualityOf(offer: string, ranges: readonly MediaRange[]): number {
  const [type, subtype] = offer.toLowerCase().split('/');
  let best: { specificity: number; quality: number } | undefined;
  for (const range of ranges) {
    const specificity =
      range.type === type && range.subtype === subtype
        ? 2
        : range.type === type && range.subtype === '*'
          ? 1
          : range.type === '*' && range.subtype === '*'
            ? 0
            : -1;
    if (specificity >= 0 && (best === undefined || specificity > best.specificity)) {
      best = { specificity, quality: range.quality };
    }
  }
  return best?.quality ?? 0;
}

/**
 * Picks the representation to send: the offer the client rates highest, the server's order breaking
 * ties (so list the default first). No `Accept` header means anything: the first offer. Returns
 * undefined when the client accepts none of them.
 */
export function negotiateMediaType(options: {
  readonly accept: string | undefined;
  readonly offers: readonly string[];
}): string | undefined {
  if (options.accept === undefined || options.accept.trim() === '') return options.offers[0];
  const ranges = parseAccept(options.accept);
  let chosen: { offer: string; quality: number } | undefined;
  for (const offer of options.offers) {
    const quality = qualityOf(offer, ranges);
    if (quality > 0 && (chosen === undefined || quality > chosen.quality)) chosen = { offer, quality };
  }
  return chosen?.offer;
}

/** How a client rates one offer: its quality, how specifically it named it, and where (RFC 9110 §12.5.1). */
export interface Preference {
  readonly quality: number;
  /** 2 for `type/subtype`, 1 for `type/*`, 0 for `*\/*`, -1 when nothing matches. */
  readonly specificity: number;
  /** The index of the matching range in the header, to break ties by the client's own order. */
  readonly position: number;
}

/** The client's rating of `offer` from the most specific range matching it; no header rates all as `*\/*`. */
export function preferenceOf(offer: string, accept: string | undefined): Preference {
  if (accept === undefined || accept.trim() === '') return { quality: 1, specificity: 0, position: 0 };
  const [type, subtype] = offer.toLowerCase().split('/');
  let best: Preference = { quality: 0, specificity: -1, position: Number.POSITIVE_INFINITY };
  parseAccept(accept).forEach((range, position) => {
    const specificity =
      range.type === type && range.subtype === subtype
        ? 2
        : range.type === type && range.subtype === '*'
          ? 1
          : range.type === '*' && range.subtype === '*'
            ? 0
            : -1;
    if (specificity > best.specificity) best = { quality: range.quality, specificity, position };
  });
  return best;
}
