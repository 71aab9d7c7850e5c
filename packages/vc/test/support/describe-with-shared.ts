import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';

export type SharedSuiteMode = 'run' | 'skip' | 'fail';

/**
 * Whether a suite that needs `required` (a file of the checkout's sibling `shared/` folder) runs. CI
 * always has that folder, so there a missing file fails the suite rather than letting it pass unseen;
 * elsewhere (a clone on its own) the suite is skipped.
 */
export function sharedSuiteMode(
  required: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): SharedSuiteMode {
  if (existsSync(required)) return 'run';
  return env.CI !== undefined && env.CI !== '' && env.CI !== 'false' ? 'fail' : 'skip';
}

/** `describe`, for a suite that needs files of `shared/`: see {@link sharedSuiteMode}. */
export function describeWithShared(required: string, title: string, suite: () => void): void {
  const mode = sharedSuiteMode(required);
  if (mode === 'run') {
    describe(title, suite);
    return;
  }
  // The body is not collected: it may read the missing files as it declares its tests.
  describe(title, () => {
    if (mode === 'skip') it.skip(`skipped: ${required} is missing (CI fails here instead)`, () => {});
    else {
      it(`needs ${required}`, () => {
        throw new Error(`${required} is missing: CI needs the shared/ folder beside the checkout`);
      });
    }
  });
}
