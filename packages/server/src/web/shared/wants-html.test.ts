import { describe, expect, it } from 'vitest';
import { wantsPageFor } from './wants-html.js';

const CHROME = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('wantsPageFor', () => {
  it.each([
    // [Accept, User-Agent, page?]
    [CHROME, 'Mozilla/5.0 Chrome/131.0', true],
    ['*/*', undefined, true],
    ['*/*;q=0.8', 'curl/8.5.0', true],
    ['text/*', undefined, true],
    ['image/png', undefined, true],
    ['application/json', undefined, false],
    ['application/ld+json', undefined, false],
    ['application/vc+ld+json', undefined, false],
    ['application/vc+jwt', undefined, false],
    ['application/json, text/plain, */*', 'axios/1.7.9', false],
    ['application/json, */*;q=0.1', undefined, false],
    ['application/json;q=0.5, text/html', undefined, true],
    ['text/html;q=0.5, application/ld+json', undefined, false],
    ['application/json, text/html', undefined, false],
    ['text/html, application/json', undefined, true],
    ['application/json;q=0, */*', undefined, true],
    [undefined, undefined, false],
    ['*/*', 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)', true],
    ['*/*', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', true],
    [undefined, 'Twitterbot/1.0', true],
    ['application/json', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', true],
  ])('Accept %s from %s → page: %s', (accept, userAgent, page) => {
    expect(
      wantsPageFor({
        ...(accept === undefined ? {} : { accept }),
        ...(userAgent === undefined ? {} : { userAgent }),
      }),
    ).toBe(page);
  });
});
