import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkImports } from '../../../scripts/check-imports.js';

let root: string | undefined;

/** A small repository of the given files (path → text), checked as `npm test` checks ours. */
function check(files: Readonly<Record<string, string>>) {
  root = mkdtempSync(join(tmpdir(), 'microcred-imports-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return checkImports(root);
}

afterEach(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

const S = 'packages/server/src';
// Spelled in pieces, so that this file does not break the rule it tests.
const CONTEXT = ['platform', 'context'].join('.');

describe('the import check', () => {
  it('passes a tree whose edges meet only in edge/ and whose ports take types from model modules', () => {
    expect(
      check({
        [`${S}/http/routes/a.ts`]: "import { toProblem } from '../../edge/problem/to-problem.js';",
        [`${S}/web/b.tsx`]: "import type { PublicEnv } from '../edge/public-env.js';",
        [`${S}/create-server-app.ts`]: "import { a } from './http/a.js';\nimport { b } from './web/b.js';",
        [`${S}/domain/ports/p.ts`]: "import type { Rules } from '../pathway/model/rules.js';",
        [`${S}/domain/pathway/use.test.ts`]:
          "import { openTestDatabase } from '../../db/open-test-database.js';",
        [`${S}/web/page.tsx`]: 'const url = platform.publicUrl;',
        [`${S}/domain/platform.ts`]: `const storage = ${CONTEXT}.storage;`,
        'packages/vc/src/x.ts': "import { y } from './y.js';",
      }),
    ).toEqual([]);
  });

  it('fails on http importing web, and web importing http, naming the rule and the import', () => {
    const violations = check({
      [`${S}/http/create-app.ts`]: "import { webRoutes } from '../web/web-routes.js';",
      [`${S}/web/web-routes.tsx`]: "export { toProblem } from '../http/problem/to-problem.js';",
    });
    expect(violations.map((v) => [v.rule, v.file, v.specifier])).toEqual([
      ['http-web', `${S}/http/create-app.ts`, '../web/web-routes.js'],
      ['http-web', `${S}/web/web-routes.tsx`, '../http/problem/to-problem.js'],
    ]);
    expect(violations[0]?.message).toContain(
      "http-web: packages/server/src/http/create-app.ts imports '../web/web-routes.js'",
    );
  });

  it('passes web audience folders that import themselves, web/shared and the use cases, composed at web/', () => {
    expect(
      check({
        [`${S}/web/mount-web-routes.ts`]:
          "import { mountPublicRoutes } from './public/mount-public-routes.js';\n" +
          "import { mountEarnerRoutes } from './earner/mount-earner-routes.js';",
        [`${S}/web/earner/import-routes.tsx`]:
          "import { readCredentialSource } from '../shared/credential-source/read.js';\n" +
          "import { renderMyCredentials } from './my-credentials-page.js';\n" +
          "import type { Platform } from '../../domain/platform.js';",
        [`${S}/web/shared/credential-source/form.tsx`]: "import { PostForm } from '../layout.js';",
      }),
    ).toEqual([]);
  });

  it('fails on a web audience folder importing another or the composition, and on web/shared importing either', () => {
    const violations = check({
      [`${S}/web/console/issuer-routes.tsx`]:
        "import { mountEarnerRoutes } from '../earner/mount-earner-routes.js';\n" +
        "import { Layout } from '../shared/layout.js';\n" +
        "import { mountWebRoutes } from '../mount-web-routes.js';",
      [`${S}/web/public/verify/verify-routes.tsx`]:
        "import { x } from '../../employer/x.js';\nimport { y } from '../y.js';",
      [`${S}/web/shared/layout.tsx`]: "import { HomePage } from '../public/home-page.js';",
      [`${S}/web/shared/render/qr.ts`]: "import { mountWebRoutes } from '../../mount-web-routes.js';",
    });
    expect(violations.map((v) => [v.rule, v.file, v.specifier])).toEqual([
      ['web-audience', `${S}/web/console/issuer-routes.tsx`, '../earner/mount-earner-routes.js'],
      ['web-audience', `${S}/web/console/issuer-routes.tsx`, '../mount-web-routes.js'],
      ['web-audience', `${S}/web/public/verify/verify-routes.tsx`, '../../employer/x.js'],
      ['web-audience', `${S}/web/shared/layout.tsx`, '../public/home-page.js'],
      ['web-audience', `${S}/web/shared/render/qr.ts`, '../../mount-web-routes.js'],
    ]);
    expect(violations[0]?.message).toContain('web/console/ imports only its own files and web/shared');
    expect(violations[3]?.message).toContain('web/shared serves every audience and imports none of them');
  });

  it('fails on the domain importing any edge, dynamic imports included', () => {
    const violations = check({
      [`${S}/domain/a.ts`]: "import { x } from '../http/x.js';\nconst y = await import('../jobs/y.js');",
      [`${S}/domain/b/c.ts`]: "import type { Z } from '../../edge/z.js';\nimport { d } from '../../db/d.js';",
    });
    expect(violations.map((v) => [v.rule, v.specifier])).toEqual([
      ['domain-edge', '../http/x.js'],
      ['domain-edge', '../jobs/y.js'],
      ['domain-edge', '../../edge/z.js'],
      ['domain-edge', '../../db/d.js'],
    ]);
  });

  it('fails on the credential library importing the server, by path or by package name', () => {
    const violations = check({
      'packages/vc/src/a.ts': "import { b } from '../../server/src/b.js';",
      'packages/vc/src/c.ts': "import type { D } from '@microcred/server';",
    });
    expect(violations.map((v) => [v.rule, v.file])).toEqual([
      ['vc-server', 'packages/vc/src/a.ts'],
      ['vc-server', 'packages/vc/src/c.ts'],
    ]);
  });

  it('fails on a port importing a use case module, not a model module', () => {
    const violations = check({
      [`${S}/domain/ports/pathway-repository.ts`]:
        "import type { Rules } from '../pathway/pathway-rules.js';",
    });
    expect(violations).toMatchObject([{ rule: 'ports-model', specifier: '../pathway/pathway-rules.js' }]);
  });

  it('passes a pathway engine that imports only itself, the pathway model, the credential library and zod', () => {
    expect(
      check({
        [`${S}/domain/pathway/engine/evaluate.ts`]:
          "import { isGroup } from '../model/requirement-node.js';\nimport { z } from 'zod';\n" +
          "import { ErrorCode } from '@microcred/vc';\nimport { plan } from './plan.js';",
        [`${S}/domain/pathway/engine/evaluate.test.ts`]:
          "import fc from 'fast-check';\nimport { it } from 'vitest';\nimport { evaluate } from './evaluate.js';",
      }),
    ).toEqual([]);
  });

  it('fails on the pathway engine importing a port, storage, a use case, the database or node built-ins', () => {
    const violations = check({
      [`${S}/domain/pathway/engine/plan.ts`]:
        "import type { PathwayAward } from '../../ports/index.js';\n" +
        "import type { Storage } from '../../ports/storage.js';\n" +
        "import { assessEarner } from '../assess-earner.js';\n" +
        "import { eq } from 'drizzle-orm';\n" +
        "import { readFileSync } from 'node:fs';",
      [`${S}/domain/pathway/engine/plan.test.ts`]:
        "import { openTestDatabase } from '../../../db/open-test-database.js';",
    });
    expect(violations.map((v) => [v.rule, v.file, v.specifier])).toEqual([
      ['pathway-engine', `${S}/domain/pathway/engine/plan.test.ts`, '../../../db/open-test-database.js'],
      ['pathway-engine', `${S}/domain/pathway/engine/plan.ts`, '../../ports/index.js'],
      ['pathway-engine', `${S}/domain/pathway/engine/plan.ts`, '../../ports/storage.js'],
      ['pathway-engine', `${S}/domain/pathway/engine/plan.ts`, '../assess-earner.js'],
      ['pathway-engine', `${S}/domain/pathway/engine/plan.ts`, 'drizzle-orm'],
      ['pathway-engine', `${S}/domain/pathway/engine/plan.ts`, 'node:fs'],
    ]);
    expect(violations[1]?.message).toContain('the pathway engine is pure');
  });

  it('fails on reaching under the use cases through the context of a platform outside the domain', () => {
    const violations = check({
      [`${S}/web/a.tsx`]: `const issuers = await ${CONTEXT}.storage.issuers.list({ limit: 50 });`,
      [`${S}/main.ts`]: `const { ${CONTEXT.split('.')[1]} } = running.platform;`,
      'packages/server/test/support/t.ts': `const storage = test.platform?.${CONTEXT.split('.')[1]}.storage;`,
    });
    expect(violations.map((v) => [v.rule, v.file])).toEqual([
      ['platform-context', `${S}/main.ts`],
      ['platform-context', `${S}/web/a.tsx`],
      ['platform-context', 'packages/server/test/support/t.ts'],
    ]);
    expect(violations[1]?.message).toContain(`${S}/web/a.tsx:1 reaches under the use cases`);
  });
});
