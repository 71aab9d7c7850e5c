import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';
import {
  handBakedPng,
  handBakedSvg,
  type TwoFacedCredentials,
  twoFacedCredentials,
} from '../../../test/support/two-faced-credentials.js';

const dir = mkdtempSync(join(tmpdir(), 'microcred-verify-'));

interface JsonReport {
  readonly verified: boolean;
  readonly checks: readonly { id: string; ok: boolean; code?: string; message: string }[];
}

async function verifyFile(name: string, content: string | Uint8Array) {
  const file = join(dir, name);
  writeFileSync(file, content);
  const { code, out, err } = await runCli('verify', '--json', file);
  return { code, err, report: JSON.parse(out) as JsonReport };
}

/** ADVERSARIAL V14: a credential read two ways is refused at parse, whatever carries it. */
describe('microcred verify refuses credentials that are not I-JSON', () => {
  let faces: TwoFacedCredentials;
  beforeAll(async () => {
    faces = await twoFacedCredentials();
  });

  it('verifies the credential as signed, so the refusals below are about the decoy alone', async () => {
    const { code, report } = await verifyFile('signed.json', JSON.stringify(faces.credential));
    expect(report.verified).toBe(true);
    expect(code).toBe(0);
  });

  it('refuses a signed credential whose credentialSubject appears twice, decoy first (exit 1)', async () => {
    const { code, report } = await verifyFile('two-subjects.json', faces.duplicateSubject);
    expect(code).toBe(1);
    expect(report.verified).toBe(false);
    expect(report.checks).toEqual([
      expect.objectContaining({
        id: 'parse',
        ok: false,
        code: 'PARSING_ERROR',
        message: expect.stringContaining('duplicate member name "credentialSubject"'),
      }),
    ]);
  });

  it('refuses a signed name written as a lone surrogate "\\ud800" (exit 1)', async () => {
    const { code, report } = await verifyFile('lone-surrogate.json', faces.loneSurrogateName);
    expect(code).toBe(1);
    expect(report.verified).toBe(false);
    expect(report.checks[0]).toMatchObject({ id: 'parse', ok: false, code: 'PARSING_ERROR' });
    expect(report.checks[0]?.message).toContain('unpaired surrogate escape');
  });

  it('refuses a VC-JWT whose signed payload has credentialSubject twice', async () => {
    const { code, report } = await verifyFile('two-subjects.jwt', faces.duplicateSubjectJwt);
    expect(code).toBe(1);
    expect(report.checks.find((check) => !check.ok)).toMatchObject({
      id: 'jwt.parse',
      code: 'PARSING_ERROR',
      message: expect.stringContaining('duplicate member name "credentialSubject"'),
    });
  });

  it.each([
    ['png', (text: string) => handBakedPng(text)],
    ['svg', (text: string) => handBakedSvg(text)],
  ])(
    'refuses a baked %s carrying a duplicated credentialSubject or a lone surrogate',
    async (format, bake) => {
      const signed = await verifyFile(`signed.${format}`, bake(JSON.stringify(faces.credential)));
      expect(signed.report.verified).toBe(true);
      for (const [name, text, problem] of [
        ['two-subjects', faces.duplicateSubject, 'duplicate member name "credentialSubject"'],
        ['lone-surrogate', faces.loneSurrogateName, 'unpaired surrogate'],
      ] as const) {
        const { code, report } = await verifyFile(`${name}.${format}`, bake(text));
        expect(code).toBe(1);
        expect(report.checks).toEqual([
          expect.objectContaining({ id: 'parse', ok: false, message: expect.stringContaining(problem) }),
        ]);
      }
    },
  );
});
