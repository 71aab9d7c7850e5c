import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTinyPng, TINY_SVG } from '../../test/support/test-images.js';
import { ErrorCode } from '../error/index.js';
import { bakePng } from './bake-png.js';
import { bakeSvg } from './bake-svg.js';
import { unbake } from './unbake.js';

const OB30 = new URL('../../../../../shared/peer-suites/1edtech-dcpv/ob30/', import.meta.url);
const CLR20 = new URL('../../../../../shared/peer-suites/1edtech-dcpv/clr20/', import.meta.url);
const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkaWQ6ZXhhbXBsZToxIn0.c2lnbmF0dXJl';
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const bakeError = expect.objectContaining({ code: ErrorCode.BAKE_ERROR });

function bakedSamples(folder: URL): string[] {
  return readdirSync(folder).filter((name) => /\.(png|svg)$/.test(name));
}

/** The credential a JWS carries: its payload, or the payload's `vc` claim (VC 1.1 JWTs). */
function jwsCredential(jws: string): Record<string, unknown> {
  const payload = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'));
  return payload.vc ?? payload;
}

describe('unbake on the 1EdTech validator baked samples', () => {
  const samples = bakedSamples(OB30);

  it('finds the three PNG and three SVG samples', () => {
    expect(samples.sort()).toEqual([
      'simple-json.png',
      'simple-json.svg',
      'simple-jwt.png',
      'simple-jwt.svg',
      'simple-jwt_v1.png',
      'simple-jwt_v1.svg',
    ]);
  });

  it.each(samples)('extracts the OpenBadgeCredential from %s', (name) => {
    const result = unbake(new Uint8Array(readFileSync(new URL(name, OB30))));
    expect(result.format).toBe(name.slice(-3));
    expect(result.kind).toBe('ob');
    if (name.includes('jwt')) {
      expect(result.text).toMatch(COMPACT_JWS);
      expect(jwsCredential(result.text).type).toContain('OpenBadgeCredential');
    } else {
      expect(JSON.parse(result.text)).toMatchObject({
        id: 'http://example.com/credentials/3527',
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
      });
    }
  });

  it('yields the same credential from the PNG and the SVG of each pair', () => {
    for (const base of ['simple-json', 'simple-jwt', 'simple-jwt_v1']) {
      const read = (ext: string) =>
        unbake(new Uint8Array(readFileSync(new URL(`${base}.${ext}`, OB30)))).text;
      const [png, svg] = [read('png'), read('svg')];
      if (base === 'simple-json') expect(JSON.parse(png)).toEqual(JSON.parse(svg));
      // The JWTs were signed separately (their iat differ), so compare what they assert.
      else expect(jwsCredential(png).credentialSubject).toEqual(jwsCredential(svg).credentialSubject);
    }
  });

  it('has no baked CLR samples to read (clr20 holds JSON and JWT only)', () => {
    expect(bakedSamples(CLR20)).toEqual([]);
  });
});

describe('unbake sniffs the format', () => {
  it('reads a baked PNG', () => {
    expect(unbake(bakePng({ image: makeTinyPng(), credential: JWS }))).toEqual({
      format: 'png',
      kind: 'ob',
      text: JWS,
    });
  });

  it('reads a baked SVG in UTF-8, with or without a byte order mark', () => {
    const bytes = new TextEncoder().encode(bakeSvg({ svg: TINY_SVG, credential: JWS }));
    expect(unbake(bytes)).toEqual({ format: 'svg', kind: 'ob', text: JWS });
    expect(unbake(Uint8Array.of(0xef, 0xbb, 0xbf, ...bytes)).text).toBe(JWS);
  });

  it('reads a baked SVG in UTF-16LE', () => {
    const baked = `\ufeff${bakeSvg({ svg: TINY_SVG, credential: JWS })}`;
    const bytes = new Uint8Array(Buffer.from(baked, 'utf16le'));
    expect(unbake(bytes).text).toBe(JWS);
  });

  it.each([
    ['a bare JSON credential', new TextEncoder().encode('{"type":["VerifiableCredential"]}')],
    ['a bare JWS', new TextEncoder().encode(JWS)],
    ['a JPEG header', Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46)],
    ['bytes that are not UTF-8', Uint8Array.of(0x3c, 0xc3, 0x28)],
    ['an empty file', new Uint8Array(0)],
  ])('rejects %s with BAKE_ERROR', (_, bytes) => {
    expect(() => unbake(bytes)).toThrow(bakeError);
  });

  it('rejects an SVG over maxSvgBytes before decoding it', () => {
    expect(() => unbake(new TextEncoder().encode(TINY_SVG), { maxSvgBytes: 10 })).toThrow(bakeError);
  });
});

describe('bake sources', () => {
  // Structural guarantee behind "an external entity causes no file read": the code cannot do I/O.
  it('import no file system, network or process module', () => {
    const folder = new URL('./', import.meta.url);
    const sources = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(5);
    for (const name of sources) {
      const source = readFileSync(new URL(name, folder), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      expect(
        imports.filter((module) => module?.startsWith('node:') && module !== 'node:zlib'),
        name,
      ).toEqual([]);
    }
  });
});
