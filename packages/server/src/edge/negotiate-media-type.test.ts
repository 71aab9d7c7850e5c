import { describe, expect, it } from 'vitest';
import { negotiateMediaType } from './negotiate-media-type.js';

const offers = ['application/json', 'application/vc+ld+json', 'application/vc+jwt'];

describe('negotiateMediaType', () => {
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['application/*', 'application/json'],
    ['application/vc+ld+json', 'application/vc+ld+json'],
    ['application/vc+jwt', 'application/vc+jwt'],
    ['application/json;q=0.5, application/vc+jwt', 'application/vc+jwt'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'application/json'],
    ['APPLICATION/VC+JWT', 'application/vc+jwt'],
    // The most specific range decides: */* at 1 does not rescue json refused outright.
    ['application/json;q=0, */*', 'application/vc+ld+json'],
  ])('Accept %j gives %s', (accept, expected) => {
    expect(negotiateMediaType({ accept, offers })).toBe(expected);
  });

  it('returns undefined when nothing offered is acceptable', () => {
    expect(negotiateMediaType({ accept: 'image/png', offers })).toBeUndefined();
    expect(
      negotiateMediaType({ accept: 'application/json;q=0', offers: ['application/json'] }),
    ).toBeUndefined();
  });
});
