import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One broken rule: which rule, in which file, by which import (or text). */
export interface ImportViolation {
  readonly rule: string;
  readonly file: string;
  readonly specifier: string;
  readonly message: string;
}

const SERVER = 'packages/server/src/';
const VC = 'packages/vc/';
const EDGES = ['http', 'web', 'cli', 'db', 'jobs', 'edge'];
const WEB = `${SERVER}web/`;
const ENGINE = `${SERVER}domain/pathway/engine/`;
const PATHWAY_MODEL = `${SERVER}domain/pathway/model/`;
// The pathway engine is pure: the packages it may use read no storage, network or clock.
const ENGINE_PACKAGES = ['@microcred/vc', 'zod'];
const ENGINE_TEST_PACKAGES = ['vitest', 'fast-check'];

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
// Reaching under the use cases: `platform.context`, `platform?.context`, or `{ context } = …platform`.
const PLATFORM_CONTEXT = /\bplatform\??\.context\b|\{[^{}]*\bcontext\b[^{}]*\}\s*=\s*[\w.]*platform\b/i;

function isTest(path: string): boolean {
  return /\.test\.tsx?$|\.test-support\.tsx?$/.test(path);
}

/**
 * Where under web/ a file sits: 'shared', an audience folder ('public', 'earner', …), '' for web/'s own
 * files (the composition), or null outside web/.
 */
function webFolder(path: string): string | null {
  if (!path.startsWith(WEB)) return null;
  const parts = path.slice(WEB.length).split('/');
  return parts.length > 1 ? (parts[0] ?? null) : '';
}

function area(path: string): string | null {
  if (!path.startsWith(SERVER)) return null;
  return path.slice(SERVER.length).split('/')[0] ?? null;
}

function sourceFiles(root: string, folder: string): string[] {
  const start = join(root, folder);
  let entries: string[];
  try {
    entries = readdirSync(start);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const path = join(folder, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(root, path);
    return /\.(?:ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path.split(sep).join('/')] : [];
  });
}

/** The specifiers a module imports or re-exports, static or dynamic, comments left out. */
export function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
  return [...code.matchAll(IMPORT)].flatMap((match) => {
    const specifier = match[1] ?? match[2];
    return specifier === undefined ? [] : [specifier];
  });
}

/** The package a bare specifier names: `@scope/name` or `name`, subpaths left out. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** Where a relative specifier points, from the repository root (`.js` kept: only folders matter here). */
function target(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return join(dirname(file), specifier).split(sep).join('/');
}

/** Checks one file's imports (and text) against the rules; `file` is relative to the repository root. */
export function checkFile(file: string, text: string): ImportViolation[] {
  const violations: ImportViolation[] = [];
  const from = area(file);
  const add = (rule: string, specifier: string, message: string) =>
    violations.push({
      rule,
      file,
      specifier,
      message: `${rule}: ${file} imports '${specifier}': ${message}`,
    });
  for (const specifier of importsOf(text)) {
    const to = target(file, specifier);
    if (file.startsWith(VC)) {
      if (
        specifier === '@microcred/server' ||
        specifier.startsWith('@microcred/server/') ||
        to?.startsWith('packages/server/')
      )
        add('vc-server', specifier, 'the credential library must not depend on the server');
      continue;
    }
    if (file.startsWith(ENGINE)) {
      const packages = isTest(file) ? [...ENGINE_PACKAGES, ...ENGINE_TEST_PACKAGES] : ENGINE_PACKAGES;
      const allowed =
        to === null
          ? packages.includes(packageOf(specifier))
          : to.startsWith(ENGINE) || to.startsWith(PATHWAY_MODEL);
      if (!allowed)
        add(
          'pathway-engine',
          specifier,
          `the pathway engine is pure: it imports only itself, pathway/model and ${ENGINE_PACKAGES.join(', ')} (no port, storage, database or I/O)`,
        );
    }
    if (to === null || !to.startsWith(SERVER)) continue;
    const into = area(to);
    if ((from === 'http' && into === 'web') || (from === 'web' && into === 'http'))
      add('http-web', specifier, 'the API and the pages do not know each other; share code through edge/');
    const fromWeb = webFolder(file);
    const intoWeb = webFolder(to);
    // Within web/, an audience folder may use web/shared and itself; web/shared and itself only.
    if (fromWeb !== null && fromWeb !== '' && intoWeb !== null && intoWeb !== fromWeb && intoWeb !== 'shared')
      add(
        'web-audience',
        specifier,
        fromWeb === 'shared'
          ? 'web/shared serves every audience and imports none of them'
          : `web/${fromWeb}/ imports only its own files and web/shared; what two audiences need belongs in web/shared`,
      );
    if (from === 'domain' && into !== null && EDGES.includes(into) && !isTest(file))
      add('domain-edge', specifier, `the domain must not depend on an edge (${into}/)`);
    if (
      file.startsWith(`${SERVER}domain/ports/`) &&
      to.startsWith(`${SERVER}domain/`) &&
      !to.startsWith(`${SERVER}domain/ports/`) &&
      !to.includes('/model/')
    )
      add('ports-model', specifier, 'a port declares its own types or takes them from a model module');
  }
  if (file.startsWith('packages/server/') && from !== 'domain') {
    const line = text.split('\n').findIndex((candidate) => PLATFORM_CONTEXT.test(candidate));
    if (line >= 0) {
      const found = text.split('\n')[line]?.trim() ?? '';
      violations.push({
        rule: 'platform-context',
        file,
        specifier: found,
        message: `platform-context: ${file}:${line + 1} reaches under the use cases (${found}); add a use case to the platform`,
      });
    }
  }
  return violations;
}

/** Every violation under `root` (the repository): the packages' sources, tests and benchmarks. */
export function checkImports(root: string): ImportViolation[] {
  const files = [
    'packages/vc/src',
    'packages/vc/test',
    'packages/server/src',
    'packages/server/test',
    'packages/server/bench',
  ]
    .flatMap((folder) => sourceFiles(root, folder))
    .sort();
  return files.flatMap((file) => checkFile(file, readFileSync(join(root, file), 'utf8')));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const violations = checkImports(root);
  for (const violation of violations) process.stderr.write(`${violation.message}\n`);
  if (violations.length > 0) {
    process.stderr.write(`${violations.length} import rule${violations.length === 1 ? '' : 's'} broken\n`);
    process.exit(1);
  }
  process.stdout.write(`imports ok (${relative(process.cwd(), root) || '.'})\n`);
}
