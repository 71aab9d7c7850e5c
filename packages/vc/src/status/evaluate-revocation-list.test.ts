import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../error/index.js';
import { evaluateRevocationList } from './evaluate-revocation-list.js';

const listDocument = {
  id: 'https://example.edu/revocations/1',
  revokedCredentials: [
    { id: 'urn:uuid:revoked-implicitly' },
    { id: 'urn:uuid:revoked-explicitly', revoked: true, revocationReason: 'issued in error' },
    { id: 'urn:uuid:reinstated', revoked: false, revocationReason: 'appeal upheld' },
  ],
};

describe('evaluateRevocationList', () => {
  it('treats a listed id without "revoked" as revoked', () => {
    expect(evaluateRevocationList({ credentialId: 'urn:uuid:revoked-implicitly', listDocument })).toEqual({
      revoked: true,
    });
  });

  it('returns the reason of an explicitly revoked credential', () => {
    expect(evaluateRevocationList({ credentialId: 'urn:uuid:revoked-explicitly', listDocument })).toEqual({
      revoked: true,
      reason: 'issued in error',
    });
  });

  it('treats "revoked": false as not revoked', () => {
    expect(evaluateRevocationList({ credentialId: 'urn:uuid:reinstated', listDocument })).toEqual({
      revoked: false,
    });
  });

  it('treats an unlisted id as not revoked', () => {
    expect(evaluateRevocationList({ credentialId: 'urn:uuid:other', listDocument })).toEqual({
      revoked: false,
    });
  });

  it('lets a revoking row win over a reinstating duplicate', () => {
    const duplicated = {
      revokedCredentials: [
        { id: 'urn:uuid:x', revoked: false },
        { id: 'urn:uuid:x', revoked: true },
      ],
    };
    expect(evaluateRevocationList({ credentialId: 'urn:uuid:x', listDocument: duplicated }).revoked).toBe(
      true,
    );
  });

  it.each([
    ['no revokedCredentials', {}],
    ['a non-boolean revoked', { revokedCredentials: [{ id: 'urn:uuid:x', revoked: 'yes' }] }],
    ['an entry without id', { revokedCredentials: [{ revoked: true }] }],
    ['not an object', 'revoked'],
  ])('rejects a document with %s as MALFORMED_VALUE_ERROR', (_, document) => {
    expect(() => evaluateRevocationList({ credentialId: 'urn:uuid:x', listDocument: document })).toThrow(
      expect.objectContaining({ code: ErrorCode.MALFORMED_VALUE_ERROR }),
    );
  });
});
