import type { Context } from 'hono';
import { negotiateMediaType, type Preference, preferenceOf } from '../../edge/negotiate-media-type.js';

/** The types a client asks for when it wants the document itself (a verifier, a wallet, curl -H). */
const DOCUMENT_TYPES = [
  'application/json',
  'application/ld+json',
  'application/vc+ld+json',
  'application/vc',
  'application/vc+jwt',
  'application/jwt',
];

/**
 * Link-preview and search crawlers. Several send `Accept: *\/*` or a JSON-ish header, yet need the
 * page's Open Graph tags to unfurl a shared link.
 */
const CRAWLER =
  /LinkedInBot|facebookexternalhit|Facebot|Twitterbot|Slackbot|Discordbot|WhatsApp|TelegramBot|Googlebot|bingbot|Applebot|redditbot|Pinterestbot|Embedly|SkypeUriPreview|Mastodon/i;

export function isLinkPreviewCrawler(userAgent: string | undefined): boolean {
  return userAgent !== undefined && CRAWLER.test(userAgent);
}

/** Whether `a` is rated above `b`: quality first, then the more specific range, then the one listed first. */
function prefers(a: Preference, b: Preference): boolean {
  if (a.quality !== b.quality) return a.quality > b.quality;
  if (a.specificity !== b.specificity) return a.specificity > b.specificity;
  return a.position < b.position;
}

/**
 * A browser asking for a page, as opposed to a client asking for the JSON document at the same URL:
 * the JSON wins ties. Errors outside the page routes are chosen this way, so an API client sending
 * `*\/*` keeps getting problem+json.
 */
export function wantsHtml(c: Context): boolean {
  return (
    negotiateMediaType({ accept: c.req.header('Accept'), offers: ['application/json', 'text/html'] }) ===
    'text/html'
  );
}

/**
 * For a URL that is both a page people share and a document (a credential's id, an achievement's):
 * the page is the default, so `*\/*`, anything unrecognised and link-preview crawlers get
 * HTML; the document only when the client rates one of its types above `text/html` (so
 * `application/json, *\/*` is JSON).
 */
export function wantsPage(c: Context): boolean {
  return wantsPageFor({ accept: c.req.header('Accept'), userAgent: c.req.header('User-Agent') });
}

export function wantsPageFor(request: { readonly accept?: string; readonly userAgent?: string }): boolean {
  if (isLinkPreviewCrawler(request.userAgent)) return true;
  // No header at all is a program (browsers and the crawlers above always send one): the document.
  if (request.accept === undefined || request.accept.trim() === '') return false;
  const html = preferenceOf('text/html', request.accept);
  const document = DOCUMENT_TYPES.map((type) => preferenceOf(type, request.accept))
    .filter((preference) => preference.quality > 0)
    .reduce<Preference | undefined>(
      (best, next) => (best === undefined || prefers(next, best) ? next : best),
      undefined,
    );
  return document === undefined || !prefers(document, html);
}
