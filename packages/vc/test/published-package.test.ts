import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPOSITORY = fileURLToPath(new URL('../../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

// Signs a credential with a did:key and verifies it, then a tampered copy, through the package's public
// entry point only: verification reads the bundled JSON-LD contexts and the OB 3.0 JSON Schema from dist/.
const CONSUMER = `
import * as vc from '@microcred/vc';
const seed = new Uint8Array(32).fill(9);
const did = vc.didKeyFromPublicKey(vc.generateEd25519KeyPair(seed).publicKey);
const document = vc.buildAchievementCredential({
  id: 'urn:uuid:1b2c3d4e-0000-4000-8000-000000000001',
  issuer: vc.buildProfile({ id: did, name: 'Packed Academy' }),
  achievement: vc.buildAchievement({ id: 'https://issuer.example/a', name: 'A', description: 'A.', criteria: { narrative: 'A.' } }),
  recipient: { id: 'did:example:learner' },
  validFrom: '2026-01-15T09:00:00Z',
});
const key = vc.createEd25519SigningKey({ secretKey: seed, id: did + '#' + did.slice('did:key:'.length), controller: did });
const signed = await vc.addDataIntegrityProof({ document, key, created: '2026-01-15T09:00:00Z' });
const now = new Date('2026-02-01T00:00:00Z');
const report = await vc.verifyCredential(signed, { now });
const tampered = await vc.verifyCredential({ ...signed, name: 'Edited' }, { now });
console.log(JSON.stringify({
  entry: import.meta.resolve('@microcred/vc'),
  verified: report.verified,
  passed: report.checks.filter((check) => check.ok).map((check) => check.id),
  tamperedVerified: tampered.verified,
}));
`;

/**
 * The package as npm would publish it: `npm pack` (its prepack script builds dist/ afresh), linted by
 * publint, unpacked into a project of its own whose node_modules holds only its declared dependencies
 * (linked from this workspace, so nothing is downloaded), and used from plain Node: no tsx, no source
 * condition. It is packed from a copy of the package, so that other tests building this checkout's dist/
 * at the same time never see it half-written.
 */
describe('@microcred/vc as a published package', () => {
  let work: string;
  let tarball: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'microcred-vc-pack-'));
    const copy = join(work, 'repository');
    const copiedPackage = join(copy, 'packages', 'vc');
    cpSync(PACKAGE_DIR, copiedPackage, {
      recursive: true,
      filter: (path) => !/[/\\](node_modules|dist)$/.test(path),
    });
    // What the package's build config extends, and the toolchain (tsc) and type packages it compiles with.
    cpSync(join(REPOSITORY, 'tsconfig.json'), join(copy, 'tsconfig.json'));
    symlinkSync(join(REPOSITORY, 'node_modules'), join(copy, 'node_modules'), 'dir');
    await run('npm', ['pack', '--pack-destination', work], { cwd: copiedPackage });
    const [name] = readdirSync(work).filter((file) => file.endsWith('.tgz'));
    if (name === undefined) throw new Error(`npm pack wrote no tarball in ${work}`);
    tarball = join(work, name);
  }, 180_000);

  afterAll(() => {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('passes publint, warnings included', async () => {
    const bytes = readFileSync(tarball);
    const { messages, pkg } = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      strict: true,
    });
    expect(messages.map((message) => formatMessage(message, pkg) ?? message.code)).toEqual([]);
  });

  it('is imported and verifies a credential from plain Node, reading its contexts and schema from dist/', async () => {
    const project = join(work, 'consumer');
    const modules = join(project, 'node_modules');
    mkdirSync(join(modules, '@microcred'), { recursive: true });
    await run('tar', ['-xzf', tarball, '-C', work]);
    renameSync(join(work, 'package'), join(modules, '@microcred', 'vc'));
    for (const dependency of Object.keys(manifest.dependencies)) {
      const link = join(modules, dependency);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(installedDirectory(dependency), link, 'dir');
    }

    const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', CONSUMER], {
      cwd: project,
    });
    const result = JSON.parse(stdout) as {
      entry: string;
      verified: boolean;
      passed: string[];
      tamperedVerified: boolean;
    };

    expect(fileURLToPath(result.entry)).toBe(join(modules, '@microcred', 'vc', 'dist', 'index.js'));
    expect(result.verified).toBe(true);
    expect(result.passed).toEqual(expect.arrayContaining(['context', 'schema', 'proof']));
    expect(result.tamperedVerified).toBe(false);
  });
});

/** Where npm installed a dependency of this package: its own node_modules, or hoisted to the root. */
function installedDirectory(dependency: string): string {
  for (const base of [PACKAGE_DIR, REPOSITORY]) {
    const candidate = join(base, 'node_modules', dependency);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`${dependency} is not installed in this workspace: run npm ci`);
}
