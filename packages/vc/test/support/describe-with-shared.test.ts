import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sharedSuiteMode } from './describe-with-shared.js';

const PRESENT = fileURLToPath(import.meta.url);
const MISSING = fileURLToPath(new URL('./no-such-shared-file.json', import.meta.url));

describe('sharedSuiteMode', () => {
  it('runs a suite whose shared file is there, in CI or not', () => {
    expect(sharedSuiteMode(PRESENT, {})).toBe('run');
    expect(sharedSuiteMode(PRESENT, { CI: 'true' })).toBe('run');
  });

  it('fails a suite whose shared file is missing in CI, instead of skipping it unseen', () => {
    expect(sharedSuiteMode(MISSING, { CI: 'true' })).toBe('fail');
    expect(sharedSuiteMode(MISSING, { CI: '1' })).toBe('fail');
  });

  it('skips a suite whose shared file is missing outside CI', () => {
    expect(sharedSuiteMode(MISSING, {})).toBe('skip');
    expect(sharedSuiteMode(MISSING, { CI: '' })).toBe('skip');
    expect(sharedSuiteMode(MISSING, { CI: 'false' })).toBe('skip');
  });
});
