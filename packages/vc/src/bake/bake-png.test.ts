import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, makeTinyPng, tinyPngChunks } from '../../test/support/test-images.js';
import { ErrorCode } from '../error/index.js';
import { bakePng } from './bake-png.js';
import { encodePngChunk, PNG_SIGNATURE, readPngChunks } from './png-chunks.js';
import { encodeITxt } from './png-text-chunks.js';
import { unbakePng } from './unbake-png.js';

const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  name: 'Ünïcødé ✓',
};
const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkaWQ6ZXhhbXBsZToxIn0.c2lnbmF0dXJl';
const bakeError = (message?: RegExp) =>
  expect.objectContaining({
    code: ErrorCode.BAKE_ERROR,
    ...(message === undefined ? {} : { message: expect.stringMatching(message) }),
  });

function pngWith(...extra: Uint8Array[]): Uint8Array {
  const { ihdr, idat, iend } = tinyPngChunks();
  return concatBytes(PNG_SIGNATURE, ihdr, ...extra, idat, iend);
}

function textChunk(type: 'tEXt' | 'iTXt', keyword: string, text: string): Uint8Array {
  const data =
    type === 'iTXt'
      ? encodeITxt({ keyword, text })
      : concatBytes(new TextEncoder().encode(keyword), Uint8Array.of(0), new TextEncoder().encode(text));
  return encodePngChunk(type, data);
}

describe('bakePng → unbakePng', () => {
  it('round-trips a credential object as its JSON', () => {
    const baked = bakePng({ image: makeTinyPng(), credential });
    expect(unbakePng(baked)).toEqual({
      keyword: 'openbadgecredential',
      kind: 'ob',
      text: JSON.stringify(credential),
    });
  });

  it('round-trips a Compact JWS unchanged', () => {
    expect(unbakePng(bakePng({ image: makeTinyPng(), credential: JWS })).text).toBe(JWS);
  });

  it('uses the clrcredential keyword for a CLR', () => {
    const baked = bakePng({ image: makeTinyPng(), credential, keyword: 'clrcredential' });
    expect(unbakePng(baked)).toMatchObject({ keyword: 'clrcredential', kind: 'clr' });
  });

  it('writes one uncompressed iTXt chunk right after IHDR and keeps the image chunks intact', () => {
    const image = makeTinyPng();
    const chunks = readPngChunks(bakePng({ image, credential: JWS }));
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'iTXt', 'IDAT', 'IEND']);
    const itxt = chunks[1]?.data ?? new Uint8Array();
    const keywordEnd = itxt.indexOf(0);
    expect([...itxt.subarray(keywordEnd, keywordEnd + 5)]).toEqual([0, 0, 0, 0, 0]);
    expect(chunks[2]?.data).toEqual(readPngChunks(image)[1]?.data);
  });

  it('refuses to bake into a PNG that already holds a credential', () => {
    const baked = bakePng({ image: makeTinyPng(), credential });
    expect(() => bakePng({ image: baked, credential: JWS })).toThrow(bakeError(/already/));
  });

  it('replaces the existing credential when asked to', () => {
    const baked = bakePng({ image: makeTinyPng(), credential });
    const rebaked = bakePng({ image: baked, credential: JWS, replace: true });
    expect(unbakePng(rebaked).text).toBe(JWS);
    expect(readPngChunks(rebaked).filter((chunk) => chunk.type === 'iTXt')).toHaveLength(1);
  });

  it('refuses text that is neither JSON nor a Compact JWS', () => {
    expect(() => bakePng({ image: makeTinyPng(), credential: 'hello world' })).toThrow(bakeError());
  });

  it('refuses a credential that is not I-JSON, which verifiers would read two ways or refuse', () => {
    const image = makeTinyPng();
    expect(() =>
      bakePng({ image, credential: '{"credentialSubject":{"id":"a"},"credentialSubject":{"id":"b"}}' }),
    ).toThrow(bakeError(/duplicate member name "credentialSubject"/));
    expect(() => bakePng({ image, credential: '{"name":"\\ud800"}' })).toThrow(
      bakeError(/unpaired surrogate/),
    );
    expect(() => bakePng({ image, credential: { name: '\ud800' } })).toThrow(bakeError(/unpaired surrogate/));
  });

  it('round-trips arbitrary JSON, including unicode and "]]>" (property)', () => {
    const image = makeTinyPng();
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), fc.string({ unit: 'binary' }), (value, extra) => {
        const text = JSON.stringify({ value, extra: `${extra}]]>` });
        const unbaked = unbakePng(bakePng({ image, credential: text }));
        expect(JSON.parse(unbaked.text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 100 },
    );
  });
});

describe('unbakePng rejects', () => {
  it('two credential chunks', () => {
    const image = pngWith(
      textChunk('iTXt', 'openbadgecredential', JWS),
      textChunk('iTXt', 'openbadgecredential', '{"id":"urn:x"}'),
    );
    expect(() => unbakePng(image)).toThrow(bakeError(/more than one/));
  });

  it('an OB and a CLR credential in one image', () => {
    const image = pngWith(
      textChunk('iTXt', 'openbadgecredential', JWS),
      textChunk('iTXt', 'clrcredential', JWS),
    );
    expect(() => unbakePng(image)).toThrow(bakeError(/more than one/));
  });

  it('a file without the PNG signature', () => {
    expect(() => unbakePng(new TextEncoder().encode('{"not":"a png"}'))).toThrow(bakeError(/signature/));
  });

  it('a truncated PNG', () => {
    const baked = bakePng({ image: makeTinyPng(), credential: JWS });
    expect(() => unbakePng(baked.subarray(0, baked.length - 20))).toThrow(bakeError(/truncated/));
    expect(() => unbakePng(baked.subarray(0, 40))).toThrow(bakeError(/truncated/));
  });

  it('a chunk with a bad CRC', () => {
    const baked = bakePng({ image: makeTinyPng(), credential: JWS });
    const tampered = Uint8Array.from(baked);
    const at = 8 + 25 + 8 + 'openbadgecredential'.length + 10; // a byte of the JWS text
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    expect(() => unbakePng(tampered)).toThrow(bakeError(/CRC/));
  });

  it('a compressed credential chunk', () => {
    const keyword = new TextEncoder().encode('openbadgecredential');
    const data = concatBytes(
      keyword,
      Uint8Array.of(0, 1, 0, 0, 0),
      deflateSync(new TextEncoder().encode(JWS)),
    );
    expect(() => unbakePng(pngWith(encodePngChunk('iTXt', data)))).toThrow(bakeError(/compress/));
  });

  it('a credential in a tEXt chunk', () => {
    expect(() => unbakePng(pngWith(textChunk('tEXt', 'openbadgecredential', JWS)))).toThrow(
      bakeError(/iTXt/),
    );
  });

  it('a PNG without a credential', () => {
    expect(() => unbakePng(makeTinyPng())).toThrow(bakeError(/no baked credential/));
  });

  it('text that is not UTF-8', () => {
    const data = concatBytes(
      encodeITxt({ keyword: 'openbadgecredential', text: '' }),
      Uint8Array.of(0xff, 0xfe),
    );
    expect(() => unbakePng(pngWith(encodePngChunk('iTXt', data)))).toThrow(bakeError(/UTF-8/));
  });
});

describe('unbakePng reads Open Badges 2.0 images', () => {
  it('a hosted assertion URL in an openbadges tEXt chunk', () => {
    const image = pngWith(textChunk('tEXt', 'openbadges', 'https://example.org/assertions/1'));
    expect(unbakePng(image)).toEqual({
      keyword: 'openbadges',
      kind: 'ob2',
      text: 'https://example.org/assertions/1',
    });
  });
});
