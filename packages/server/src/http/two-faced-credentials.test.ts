import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test/support/test-app.js';
import { type TwoFacedCredentials, twoFacedCredentials } from '../../test/support/two-faced-credentials.js';

/**
 * ADVERSARIAL V14 through the VC API: a credential that reads two ways is refused whether it is the JSON
 * body (the strict body parser, 400) or a VC-JWT string inside a well-formed body (the verifier, 200 with
 * `verified: false`), next to the same credential as signed, verified.
 */
describe('POST /credentials/verify with credentials that are not I-JSON', () => {
  let test: TestApp;
  let faces: TwoFacedCredentials;

  const verify = (body: string) =>
    test.call('/credentials/verify', { body, headers: { 'Content-Type': 'application/json' } });
  const verifyJwt = (jwt: string) => verify(JSON.stringify({ verifiableCredential: jwt }));

  beforeAll(async () => {
    test = await openTestApp('pglite');
    faces = await twoFacedCredentials();
  });
  afterAll(async () => {
    await test?.close();
  });

  it('verifies the credential as signed, as JSON and as a VC-JWT', async () => {
    expect((await verify(JSON.stringify({ verifiableCredential: faces.credential }))).body.verified).toBe(
      true,
    );
    expect((await verifyJwt(faces.jwt)).body.verified).toBe(true);
  });

  it('refuses a VC-JWT signed by the issuer whose payload has credentialSubject twice, decoy first', async () => {
    const response = await verifyJwt(faces.duplicateSubjectJwt);
    expect(response.status).toBe(200);
    expect(response.body.verified).toBe(false);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        code: 'PARSING_ERROR',
        title: 'jwt.parse',
        detail: expect.stringContaining('duplicate member name "credentialSubject"'),
      }),
    ]);
  });

  it('refuses a VC-JWT whose signed payload holds a lone surrogate "\\ud800"', async () => {
    const response = await verifyJwt(faces.loneSurrogateNameJwt);
    expect(response.body.verified).toBe(false);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        title: 'jwt.parse',
        detail: expect.stringContaining('unpaired surrogate escape'),
      }),
    ]);
  });

  it('answers 400 when the credential in the JSON body itself is not I-JSON', async () => {
    const duplicate = await verify(`{"verifiableCredential":${faces.duplicateSubject}}`);
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toMatchObject({
      code: 'PARSING_ERROR',
      detail: expect.stringContaining('duplicate member name "credentialSubject"'),
    });
    const lone = await verify(`{"verifiableCredential":${faces.loneSurrogateName}}`);
    expect(lone.status).toBe(400);
    expect(lone.body).toMatchObject({
      code: 'PARSING_ERROR',
      detail: expect.stringContaining('unpaired surrogate'),
    });
  });
});
