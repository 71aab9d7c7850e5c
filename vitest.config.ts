import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The browser suites first, then Vitest's own order (longest first by the last run's times, else largest
 * file first). On a clean clone (CI) there are no times, and a browser suite is a small file that takes a
 * minute or more: run last, it would leave one worker alone with it while the other stands idle.
 */
class BrowserSuitesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isBrowser = (file: TestSpecification) => file.moduleId.endsWith('.browser.test.ts');
    return [...sorted.filter(isBrowser), ...sorted.filter((file) => !isBrowser(file))];
  }
}

// Workspace packages resolve to their TypeScript sources through this export condition (tsc and tsx are
// given it too: tsconfig.json `customConditions`, `--conditions`), so tests never need a build. Setting
// conditions replaces Vite's defaults for the server, which follow it.
const sourceConditions = ['@microcred/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['packages/server/test/global-setup.ts'],
    setupFiles: ['packages/server/test/setup-zod-openapi.ts'],
    // Vitest's default leaves one core idle; on a 2-core machine that is half of it. Two workers ran the
    // suite in 857 s against 1,052 s for one (one run each, same clean clone).
    maxWorkers: 2,
    // Each worker runs its test files one after another in one module graph instead of importing the
    // server (and compiling PGlite's WebAssembly) afresh for every file: that import was most of the
    // run's time. Files share no state through modules: each opens its own database and app.
    isolate: false,
    sequence: { sequencer: BrowserSuitesFirst },
  },
});
