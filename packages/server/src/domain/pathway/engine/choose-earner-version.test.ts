import { describe, expect, it } from 'vitest';
import { chooseEarnerVersion } from './choose-earner-version.js';

describe('chooseEarnerVersion', () => {
  it('gives an earner who has not started the current version', () => {
    expect(chooseEarnerVersion({ started: null, current: { version: 3, met: false, percent: 0 } })).toBe(3);
  });

  it('keeps the started version when the current one is stricter for the earner', () => {
    const started = { version: 1, met: false, percent: 66 };
    expect(chooseEarnerVersion({ started, current: { version: 2, met: false, percent: 50 } })).toBe(1);
    const done = { version: 1, met: true, percent: 100 };
    expect(chooseEarnerVersion({ started: done, current: { version: 2, met: false, percent: 75 } })).toBe(1);
  });

  it('moves the earner to a current version that is no stricter for them', () => {
    const started = { version: 1, met: false, percent: 66 };
    expect(chooseEarnerVersion({ started, current: { version: 2, met: false, percent: 66 } })).toBe(2);
    expect(chooseEarnerVersion({ started, current: { version: 2, met: true, percent: 100 } })).toBe(2);
  });
});
