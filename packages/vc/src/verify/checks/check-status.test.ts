import { describe, expect, it } from 'vitest';
import { createResourceMap } from '../../resource/index.js';
import {
  buildBitstringStatusListCredential,
  createBitstring,
  encodeStatusList,
  setStatus,
} from '../../status/index.js';
import { checkStatus } from './check-status.js';
import { didKeySigner, signWith, testBadge, testCredentialContext } from './test-verification-context.js';

const key = didKeySigner(45);
const LIST_URL = 'https://issuer.example/status/1';
const credentialStatus = {
  id: `${LIST_URL}#7`,
  type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation',
  statusListIndex: '7',
  statusListCredential: LIST_URL,
};

async function listWith(
  revoked: boolean,
  extra: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const bits = createBitstring();
  if (revoked) setStatus(bits, 7, 1);
  const list = buildBitstringStatusListCredential({
    id: LIST_URL,
    issuer: key.controller,
    statusPurpose: 'revocation',
    encodedList: encodeStatusList(bits),
    validFrom: '2026-01-01T00:00:00Z',
  }) as unknown as Record<string, unknown>;
  return signWith(key, { ...list, ...extra });
}

async function statusChecks(list: Record<string, unknown>, options: { skipStatus?: boolean } = {}) {
  const { fetcher } = createResourceMap({ documents: new Map([[LIST_URL, list]]) });
  const credential = testBadge(key.controller, { credentialStatus });
  return (await checkStatus(testCredentialContext(credential, { fetcher, ...options }))).checks;
}

describe('checkStatus', () => {
  it('reads the bit from a status list that verifies', async () => {
    expect(await statusChecks(await listWith(false))).toEqual([
      expect.objectContaining({ id: 'status', ok: true }),
    ]);
    expect((await statusChecks(await listWith(true)))?.[0]).toMatchObject({
      id: 'status',
      ok: false,
      code: 'REVOKED',
    });
  });

  it('verifies the list itself with the pipeline: a list altered after signing fails the status', async () => {
    const list = await listWith(false);
    const altered = { ...list, validUntil: '2030-01-01T00:00:00Z' };
    expect((await statusChecks(altered))?.[0]).toMatchObject({
      ok: false,
      code: 'STATUS_VERIFICATION_ERROR',
    });
  });

  it('does not follow the status of the status list itself', async () => {
    const unreachable = {
      ...credentialStatus,
      statusListCredential: 'https://issuer.example/status/unreachable',
    };
    const list = await listWith(true, { credentialStatus: unreachable });
    expect((await statusChecks(list))?.[0]).toMatchObject({ id: 'status', ok: false, code: 'REVOKED' });
  });

  it('says nothing without credentialStatus, or when told to skip the status', async () => {
    expect(await checkStatus(testCredentialContext(testBadge(key.controller)))).toEqual({});
    expect(await statusChecks(await listWith(true), { skipStatus: true })).toBeUndefined();
  });
});
