import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const markdown = new Marked({
  gfm: true,
  renderer: {
    // Issuer-supplied HTML is shown as typed rather than interpreted, so it can neither inject markup
    // nor silently vanish.
    html: ({ text }) => escapeHtml(text),
    // Images would make the reader's browser fetch issuer-chosen URLs (tracking); keep only their alt text.
    image: ({ text }) => escapeHtml(text),
  },
});

const SAFE_HREF = /^(?:https?:|mailto:)/i;

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    'ul',
    'ol',
    'li',
    'a',
    'code',
    'pre',
    'blockquote',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'hr',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    ol: ['start'],
    th: [{ name: 'align', multiple: false, values: ['left', 'center', 'right'] }],
    td: [{ name: 'align', multiple: false, values: ['left', 'center', 'right'] }],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    // Issuer text sits below the page's own h1/h2 and must not outrank them.
    h1: 'h3',
    h2: 'h4',
    a: (tagName, attribs) => {
      // Relative links would resolve against our origin and so look like our own pages.
      const href = attribs.href?.trim();
      const safe: sanitizeHtml.Attributes =
        href && SAFE_HREF.test(href) ? { href, rel: 'nofollow noopener noreferrer ugc' } : {};
      return { tagName, attribs: safe };
    },
  },
  // A link whose href was refused is unwrapped to its text rather than left as a dead anchor.
  exclusiveFilter: (frame) => (frame.tag === 'a' && !frame.attribs.href ? 'excludeTag' : false),
};

/** Renders issuer- or recipient-supplied Markdown (GFM) to HTML that is safe to embed in our pages. */
export function renderMarkdown(text: string): string {
  return sanitizeHtml(markdown.parse(text, { async: false }), options);
}

/**
 * The same for a phrase inside a line (a table cell, a list item): code, emphasis and links, no
 * paragraphs.
 */
export function renderInlineMarkdown(text: string): string {
  return sanitizeHtml(markdown.parseInline(text, { async: false }), options);
}
