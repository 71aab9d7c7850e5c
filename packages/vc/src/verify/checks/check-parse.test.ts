import { describe, expect, it } from 'vitest';
import { checkParse } from './check-parse.js';
import { testContext } from './test-verification-context.js';

describe('checkParse', () => {
  it('reads JSON text and hands the document on as the credential', async () => {
    const result = await checkParse(testContext('{"type":"VerifiableCredential"}'));
    expect(result.checks).toEqual([{ id: 'parse', ok: true, message: 'credential read from JSON' }]);
    expect(result.learned?.credential).toEqual({ type: 'VerifiableCredential' });
    expect(result.stop).toBeUndefined();
  });

  it('reads a compact JWS as a JWT for check-jwt, with no credential yet', async () => {
    const result = await checkParse(testContext('eyJhbGciOiJFZERTQSJ9.e30.c2ln'));
    expect(result.learned?.parsed).toEqual({ format: 'jwt', jwt: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln' });
    expect(result.learned?.credential).toBeUndefined();
  });

  it('stops the pipeline on an input it cannot read', async () => {
    const result = await checkParse(testContext('not a credential'));
    expect(result).toMatchObject({ stop: true, checks: [{ id: 'parse', ok: false, code: 'PARSING_ERROR' }] });
  });

  it('stops on an input over maxInputBytes', async () => {
    const result = await checkParse(testContext('{"a":"0123456789"}', { maxInputBytes: 10 }));
    expect(result).toMatchObject({ stop: true, checks: [{ ok: false, code: 'PAYLOAD_TOO_LARGE' }] });
  });
});
