import { describe, expect, it } from 'vitest';
import {
  buildCredentialOffer,
  credentialOfferByReference,
  PRE_AUTHORIZED_CODE_GRANT,
} from './credential-offer.js';

describe('credential offers (OpenID4VCI 1.0 §4.1)', () => {
  it('passes the offer by reference, its URI percent-encoded in the query', () => {
    const uri = credentialOfferByReference('https://issuer.example/openid4vci/offers/1?x=a&y=b');
    expect(uri).toBe(
      'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fissuer.example%2Fopenid4vci%2Foffers%2F1%3Fx%3Da%26y%3Db',
    );
    expect(new URL(uri).searchParams.get('credential_offer_uri')).toBe(
      'https://issuer.example/openid4vci/offers/1?x=a&y=b',
    );
  });

  it('describes the transaction code (length, input mode) only when one is asked', () => {
    const plain = buildCredentialOffer({
      credentialIssuer: 'https://issuer.example',
      configurationIds: ['A'],
      preAuthorizedCode: 'code',
    });
    expect(plain.grants[PRE_AUTHORIZED_CODE_GRANT]).toEqual({ 'pre-authorized_code': 'code' });
    const withCode = buildCredentialOffer({
      credentialIssuer: 'https://issuer.example',
      configurationIds: ['A', 'B'],
      preAuthorizedCode: 'code',
      txCode: { length: 6, inputMode: 'numeric', description: 'sent by mail' },
    });
    expect(withCode).toEqual({
      credential_issuer: 'https://issuer.example',
      credential_configuration_ids: ['A', 'B'],
      grants: {
        [PRE_AUTHORIZED_CODE_GRANT]: {
          'pre-authorized_code': 'code',
          tx_code: { input_mode: 'numeric', length: 6, description: 'sent by mail' },
        },
      },
    });
  });
});
