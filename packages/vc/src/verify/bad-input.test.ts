import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readSharedJson } from '../../test/support/shared-data.js';
import { concatBytes, tinyPngChunks } from '../../test/support/test-images.js';
import { encodePngChunk, PNG_SIGNATURE } from '../bake/png-chunks.js';
import { VERIFIER_CHECK_IDS, type VerificationReport } from './verification-report.js';
import { verifyCredential } from './verify-credential-default.js';

const now = new Date('2026-11-23T00:00:00Z');
const valid = readSharedJson<Record<string, unknown>>('fixtures/valid/01-minimal.json');

function firstFailure(report: VerificationReport) {
  return report.checks.find((check) => !check.ok);
}

function pngWith(chunks: Uint8Array[]): Uint8Array {
  const { ihdr, idat, iend } = tinyPngChunks();
  return concatBytes(PNG_SIGNATURE, ihdr, ...chunks, idat, iend);
}

function credentialChunk(text: string): Uint8Array {
  const keyword = Buffer.from('openbadgecredential\0\0\0\0\0', 'latin1');
  return encodePngChunk('iTXt', Buffer.concat([keyword, Buffer.from(text, 'utf8')]));
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** ADVERSARIAL V1–V14 and issue #2's list: each bad input is a clear failed check, never a crash or a hang. */
describe('bad input gives a clear failed check, never an exception or a hang', () => {
  const cases: [string, () => Uint8Array | string | Record<string, unknown>, string, string][] = [
    ['truncated JSON', () => JSON.stringify(valid).slice(0, 500), 'parse', 'PARSING_ERROR'],
    ['a JSON array instead of a credential', () => JSON.stringify([valid]), 'parse', 'PARSING_ERROR'],
    [
      'a proof on an array (proof: [[…]])',
      () => ({ ...valid, proof: [[(valid.proof as unknown[])[0]]] }),
      'proof',
      'MALFORMED_VALUE_ERROR',
    ],
    [
      'a 10 MB string field',
      () => JSON.stringify({ ...valid, name: 'x'.repeat(10 * 1024 * 1024) }),
      'parse',
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'JSON nested 10,000 levels deep',
      () => `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
      'parse',
      'PARSING_ERROR',
    ],
    [
      'credentialSubject twice (JSON.parse would keep the last)',
      () => `{"credentialSubject":{"id":"did:example:decoy"},${JSON.stringify(valid).slice(1)}`,
      'parse',
      'PARSING_ERROR',
    ],
    [
      'a lone surrogate in a credential object',
      () => ({ ...valid, name: '\ud800' }),
      'parse',
      'PARSING_ERROR',
    ],
    [
      'a JWT payload with a duplicate member',
      () =>
        `${base64url({ alg: 'EdDSA' })}.${Buffer.from('{"iss":"a","iss":"b"}').toString('base64url')}.AAAA`,
      'jwt.parse',
      'PARSING_ERROR',
    ],
    [
      'a JWT header with a lone surrogate',
      () =>
        `${Buffer.from('{"alg":"EdDSA","kid":"\\udc00"}').toString('base64url')}.${base64url(valid)}.AAAA`,
      'jwt.parse',
      'PARSING_ERROR',
    ],
    [
      'a PNG with two credential chunks',
      () => pngWith([credentialChunk(JSON.stringify(valid)), credentialChunk(JSON.stringify(valid))]),
      'parse',
      'BAKE_ERROR',
    ],
    [
      'an SVG with an external entity',
      () =>
        `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential>&xxe;</openbadges:credential></svg>`,
      'parse',
      'BAKE_ERROR',
    ],
    [
      'a JWT with alg none',
      () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...valid, iss: 'did:example:x' })}.`,
      'jwt.header',
      'CRYPTOGRAPHIC_SECURITY_ERROR',
    ],
    [
      'a context URL we do not bundle',
      () => ({
        ...valid,
        '@context': [...(valid['@context'] as string[]), 'https://evil.example/context.jsonld'],
      }),
      'proof',
      'UNKNOWN_CONTEXT',
    ],
    ['an undefined term', () => ({ ...valid, surprise: 'not in any context' }), 'proof', 'UNDEFINED_TERM'],
    ['a missing proof', () => ({ ...valid, proof: undefined }), 'proof', 'CRYPTOGRAPHIC_SECURITY_ERROR'],
    [
      'binary garbage',
      () => new Uint8Array(createHash('sha512').update('garbage').digest()),
      'parse',
      'PARSING_ERROR',
    ],
  ];

  for (const [name, input, check, code] of cases) {
    // The timeout is the hang: a verification that does not end fails the test.
    it(name, { timeout: 20_000 }, async () => {
      const report = await verifyCredential(input(), { now });
      expect(report.verified).toBe(false);
      expect(report.checks.map((item) => item.id).filter((id) => !VERIFIER_CHECK_IDS.includes(id))).toEqual(
        [],
      );
      expect(firstFailure(report)).toMatchObject({ id: check, code });
      expect(firstFailure(report)?.message.length).toBeGreaterThan(10);
    });
  }
});
