import { validateAchievementCredentialSchema } from '@microcred/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWithReferenceStack } from '../../../vc/test/support/reference-stack.js';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { testDrivers } from '../db/open-test-database.js';

describe.each(testDrivers())('suspending and reinstating credentials over HTTP on %s', (driver) => {
  let test: TestApp;
  let issuer: { id: string; slug: string; did: string };
  beforeAll(async () => {
    test = await openTestApp(driver);
    const created = await test.call('/api/v1/issuers', {
      token: ADMIN_TOKEN,
      json: { slug: 'licensing-body', name: 'Licensing Body', url: 'https://licensing.example' },
    });
    expect(created.status).toBe(201);
    issuer = created.body;
  });
  afterAll(async () => {
    await test?.close();
  });

  async function issueFrom(achievement: Record<string, unknown>) {
    const created = await test.call('/api/v1/achievements', {
      token: ADMIN_TOKEN,
      json: {
        issuerId: issuer.id,
        name: 'Site Safety Licence',
        description: 'May supervise work on a construction site.',
        criteria: { narrative: 'Pass the practical assessment.' },
        ...achievement,
      },
    });
    expect(created.status).toBe(201);
    const issued = await test.call('/api/v1/credentials', {
      token: ADMIN_TOKEN,
      json: { achievementId: created.body.id, recipient: { email: 'sam@example.org' } },
    });
    expect(issued.status).toBe(201);
    return { achievement: created.body, issued: issued.body };
  }

  async function verify(credential: unknown) {
    const response = await test.call('/credentials/verify', { json: { verifiableCredential: credential } });
    expect(response.status).toBe(200);
    return response.body as {
      verified: boolean;
      checks: { id: string; ok: boolean; code?: string; message: string }[];
    };
  }

  it('suspends a credential of a suspendable achievement, reports it suspended, and reinstates it valid again', async () => {
    const { achievement, issued } = await issueFrom({ suspendable: true, industry: 'Construction' });
    expect(achievement).toMatchObject({ suspendable: true, industry: 'Construction' });
    expect(issued.statusPurpose).toBe('suspension');
    const credential = issued.credential as { credentialStatus: Record<string, unknown> };
    // One status entry, as OB 3.0 allows, whose purpose is suspension.
    expect(credential.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'suspension',
    });
    expect(validateAchievementCredentialSchema(credential)).toEqual({ valid: true, errors: [] });
    expect((await verify(credential)).verified).toBe(true);

    const suspended = await test.call(`/api/v1/credentials/${issued.id}/suspend`, {
      token: ADMIN_TOKEN,
      json: { reason: 'under investigation' },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ suspensionReason: 'under investigation', revokedAt: null });
    expect(suspended.body.suspendedAt).toEqual(expect.any(String));
    const whileSuspended = await verify(credential);
    expect(whileSuspended.verified).toBe(false);
    expect(whileSuspended.checks).toContainEqual(
      expect.objectContaining({
        id: 'status',
        ok: false,
        code: 'SUSPENDED',
        message: expect.stringContaining('suspended'),
      }),
    );

    // Suspending again changes nothing.
    const again = await test.call(`/api/v1/credentials/${issued.id}/suspend`, {
      token: ADMIN_TOKEN,
      json: { reason: 'another reason' },
    });
    expect(again.status).toBe(200);
    expect(again.body.suspensionReason).toBe('under investigation');

    const reinstated = await test.call(`/api/v1/credentials/${issued.id}/reinstate`, {
      token: ADMIN_TOKEN,
      json: { reason: 'investigation closed' },
    });
    expect(reinstated.status).toBe(200);
    expect(reinstated.body).toMatchObject({ suspendedAt: null, suspensionReason: null });
    expect((await verify(credential)).verified).toBe(true);

    const history = await test.call(`/api/v1/credentials/${issued.id}/history`, { token: ADMIN_TOKEN });
    expect(history.status).toBe(200);
    expect(
      history.body.map((event: { kind: string; reason: string | null }) => [event.kind, event.reason]),
    ).toEqual([
      ['issued', null],
      ['suspended', 'under investigation'],
      ['reinstated', 'investigation closed'],
    ]);

    // Another implementation reads the same list and agrees, suspended or not.
    const didDocument = await test.call(`/issuers/${issuer.slug}/did.json`);
    const reference = await verifyWithReferenceStack(
      credential,
      new Date(),
      new Map([[issuer.did, didDocument.body as Record<string, unknown>]]),
    );
    expect(reference.verified).toBe(true);
  });

  it('refuses to suspend a credential issued with a revocation entry, and to reinstate a revoked one', async () => {
    const plain = await issueFrom({});
    expect(plain.issued.statusPurpose).toBe('revocation');
    const refused = await test.call(`/api/v1/credentials/${plain.issued.id}/suspend`, {
      token: ADMIN_TOKEN,
      json: { reason: 'under investigation' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/revocation entry only/);

    const suspendable = await issueFrom({ suspendable: true });
    const revoked = await test.call(`/api/v1/credentials/${suspendable.issued.id}/revoke`, {
      token: ADMIN_TOKEN,
      json: { reason: 'licence withdrawn' },
    });
    expect(revoked.status).toBe(200);
    // A revocation of a suspendable credential is a suspension that is never lifted.
    expect((await verify(suspendable.issued.credential)).verified).toBe(false);
    const reinstate = await test.call(`/api/v1/credentials/${suspendable.issued.id}/reinstate`, {
      token: ADMIN_TOKEN,
      json: {},
    });
    expect(reinstate.status).toBe(409);
    expect(reinstate.body.detail).toMatch(/revoked/);
    expect((await verify(suspendable.issued.credential)).verified).toBe(false);
  });

  it('keeps whether credentials can be suspended fixed once the achievement exists', async () => {
    const { achievement } = await issueFrom({});
    const changed = await test.call(`/api/v1/achievements/${achievement.id}`, {
      method: 'PATCH',
      token: ADMIN_TOKEN,
      json: { suspendable: true },
    });
    expect(changed.status).toBe(409);
    const unchanged = await test.call(`/api/v1/achievements/${achievement.id}`, {
      method: 'PATCH',
      token: ADMIN_TOKEN,
      json: { suspendable: false, industry: 'Construction' },
    });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toMatchObject({ suspendable: false, industry: 'Construction' });
  });

  it('lets a viewer key neither suspend nor reinstate', async () => {
    const { issued } = await issueFrom({ suspendable: true });
    const key = await test.call(`/api/v1/issuers/${issuer.id}/api-keys`, {
      token: ADMIN_TOKEN,
      json: { name: 'read only', role: 'viewer' },
    });
    expect(key.status).toBe(201);
    for (const action of ['suspend', 'reinstate']) {
      const response = await test.call(`/api/v1/credentials/${issued.id}/${action}`, {
        token: key.body.token,
        json: { reason: 'nope' },
      });
      expect(response.status).toBe(403);
    }
  });
});
