import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPathwayWorld } from '../../test/support/pathway-fixtures.js';
import { ScriptedWallet, walletKey } from '../../test/support/scripted-wallet.js';
import { eventsSettled } from '../../test/support/settled-events.js';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADMIN } from '../../test/support/test-platform.js';
import { testDrivers } from '../db/open-test-database.js';
import { createGuardedFetcher } from '../edge/outbound/create-guarded-fetcher.js';
import { guardedWebhookSender } from '../edge/outbound/guarded-webhook-sender.js';

const YEAR_MS = 366 * 24 * 3600 * 1000;

interface FeedEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

describe.each(testDrivers())('holder-bound copies in the issuer’s books, on %s', (driver) => {
  let test: TestApp;
  let issuerId: string;
  let achievementId: string;

  beforeAll(async () => {
    test = await openTestApp(driver, {
      platform: {
        webhookSender: guardedWebhookSender(createGuardedFetcher({ allowPrivateAddresses: true })),
      },
    });
    issuerId = (
      await test.call('/api/v1/issuers', {
        token: ADMIN_TOKEN,
        json: { slug: 'copy-academy', name: 'Copy Academy', url: 'https://copy.example' },
      })
    ).body.id;
    achievementId = (
      await test.call('/api/v1/achievements', {
        token: ADMIN_TOKEN,
        json: {
          issuerId,
          name: 'Yearly Drill',
          description: 'Ran the yearly drill.',
          criteria: { narrative: 'Run it once.' },
          validityMonths: 12,
        },
      })
    ).body.id;
  });
  afterAll(async () => {
    await test?.close();
  });

  /** A credential issued to `email`, and the copy a wallet received of it by OpenID4VCI. */
  async function issuedAndCopied(email: string, ofAchievement = achievementId) {
    const issued = await test.call('/api/v1/credentials', {
      token: ADMIN_TOKEN,
      json: { achievementId: ofAchievement, recipient: { email } },
    });
    expect(issued.status).toBe(201);
    const offer = await test.call(`/api/v1/credentials/${issued.body.id}/offers`, {
      token: ADMIN_TOKEN,
      json: {},
    });
    const wallet = new ScriptedWallet(test, await walletKey());
    const { answer } = await wallet.receive(offer.body.offerUri);
    expect(answer.status).toBe(200);
    const copy = answer.body.credentials[0].credential as { id: string };
    return {
      originalId: issued.body.id as string,
      copyId: copy.id.split('/').pop() ?? '',
      holderDid: wallet.key.didKey,
    };
  }

  async function feed(types: string): Promise<FeedEvent[]> {
    // On a PostgreSQL server shared with other test files, the feed shows an event only once it settled.
    await eventsSettled(test);
    const answer = await test.call(`/api/v1/events?type=${types}&limit=500&issuerId=${issuerId}`, {
      token: ADMIN_TOKEN,
    });
    expect(answer.status).toBe(200);
    return answer.body.events as FeedEvent[];
  }

  it('keeps a copy out of the issuer’s credential list, search and counts', async () => {
    const before = await test.platform.credentials.dashboard(ADMIN, issuerId);
    const { originalId, copyId, holderDid } = await issuedAndCopied('listed-once@example.org');
    // The copy is a credential of its own (its page, its status entry)...
    expect(await test.storage.credentials.findById({ id: copyId })).not.toBeNull();
    // ...but the issuer's list, its search by the wallet's DID and its dashboard see one award.
    const listed = await test.call(`/api/v1/credentials?issuerId=${issuerId}&limit=500`, {
      token: ADMIN_TOKEN,
    });
    const ids = (listed.body as { id: string }[]).map((credential) => credential.id);
    expect(ids).toContain(originalId);
    expect(ids).not.toContain(copyId);
    expect(await test.platform.credentials.list(ADMIN, { recipient: holderDid })).toEqual([]);
    // Nor is it a duplicate when the issuer issues the achievement to that DID (it cannot see the copy).
    expect(
      await test.storage.credentials.listValidHoldings({
        achievementId,
        recipients: [{ lookupHash: null, did: holderDid }],
        at: new Date(),
      }),
    ).toEqual([]);
    const searched = await test.platform.credentials.searchIssued(ADMIN, issuerId, { limit: 1000 });
    expect(searched.items.map((item) => item.record.id)).not.toContain(copyId);
    expect(searched.total).toBe(before.credentials.total + 1);
    expect(
      (await test.platform.credentials.searchIssued(ADMIN, issuerId, { recipient: holderDid })).total,
    ).toBe(0);
    const after = await test.platform.credentials.dashboard(ADMIN, issuerId);
    expect(after.credentials.total).toBe(before.credentials.total + 1);
    expect(after.credentials.issuedSince).toBe(before.credentials.issuedSince + 1);
    // The instance's public figures count awards too.
    const figures = await test.storage.analytics.instanceFigures({ verifiedSince: new Date(0) });
    const all = await test.platform.credentials.searchIssued(ADMIN, issuerId, { limit: 1000 });
    expect(figures.credentialsIssued).toBe(all.total);
    // And the original's copies are listed under it, for the console.
    expect(await test.platform.credentials.walletCopies(ADMIN, originalId)).toEqual([
      { credentialId: copyId, originalId, holderDid, createdAt: expect.any(Date) },
    ]);
  });

  it('records credential.wallet_copied about the original once per copy, never a second credential.issued', async () => {
    const issuedBefore = (await feed('credential.issued')).length;
    const { originalId, copyId, holderDid } = await issuedAndCopied('evented@example.org');
    const copied = (await feed('credential.wallet_copied')).filter(
      (event) => event.data.credentialId === originalId,
    );
    expect(copied).toEqual([
      {
        id: expect.any(String),
        type: 'credential.wallet_copied',
        timestamp: expect.any(String),
        data: { issuerId, credentialId: originalId, achievementId, copyId, holderDid, via: 'openid4vci' },
      },
    ]);
    expect((await feed('credential.issued')).length).toBe(issuedBefore + 1);
  });

  it('records what happens to a copy (a verification) about the original, naming the copy', async () => {
    const { originalId, copyId } = await issuedAndCopied('verified-copy@example.org');
    const copy = await test.storage.credentials.findById({ id: copyId });
    const verified = await test.call('/credentials/verify', {
      json: { verifiableCredential: copy?.document },
    });
    expect(verified.body.verified).toBe(true);
    const events = (await feed('credential.verified')).filter((event) => event.data.walletCopyId === copyId);
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ credentialId: originalId, via: 'vc-api', ok: true });
  });

  it('records one credential.expired for the award when it and its copy expire', async () => {
    const { originalId, copyId } = await issuedAndCopied('expiring@example.org');
    let added = 0;
    do {
      added = await test.storage.events.appendExpired({
        now: new Date(Date.now() + 2 * YEAR_MS),
        limit: 500,
      });
    } while (added > 0);
    const expired = await feed('credential.expired');
    expect(expired.filter((event) => event.data.credentialId === originalId)).toHaveLength(1);
    expect(expired.filter((event) => event.data.credentialId === copyId)).toHaveLength(0);
  });

  it('does not take a copy’s wallet DID for one more earner of a pathway', async () => {
    const world = await seedPathwayWorld(test.platform);
    const [part] = world.parts;
    const { holderDid } = await issuedAndCopied('pathway-copy@example.org', part.id);
    // Published after the copy exists: the pathway engine looks for every holder of its achievement.
    await test.platform.pathways.create(ADMIN, {
      issuerId: world.issuer.id,
      name: 'One part',
      completionAchievementId: world.certificate.id,
      requirement: { type: 'n-of', n: 1, children: [{ type: 'achievement', achievementId: part.id }] },
    });
    await test.platform.pathways.processJobs({ workerId: 'wallet-copies' });
    const awarded = await test.storage.credentials.list({ achievementId: world.certificate.id });
    expect(awarded).toHaveLength(1);
    expect(awarded[0]?.recipientDid).toBeNull();
    expect(awarded.some((record) => record.recipientDid === holderDid)).toBe(false);
  });

  it('delivers credential.wallet_copied to a webhook subscribed to it, signed like every event', async () => {
    const bodies: { headers: Record<string, string>; body: string }[] = [];
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        bodies.push({
          headers: request.headers as Record<string, string>,
          body: Buffer.concat(chunks).toString(),
        });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      // The earlier tests' copies settle before the subscription starts, so that it is not sent them.
      await eventsSettled(test);
      const created = await test.call('/api/v1/webhooks', {
        token: ADMIN_TOKEN,
        json: {
          url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
          events: ['credential.wallet_copied'],
          issuerId,
        },
      });
      expect(created.status).toBe(201);
      const { originalId, copyId, holderDid } = await issuedAndCopied('hooked@example.org');
      await eventsSettled(test);
      await test.platform.webhooks.process();
      // Only the copy: the issuance of the original was not subscribed to.
      expect(bodies).toHaveLength(1);
      const delivered = new Webhook(created.body.secret).verify(
        bodies[0]?.body ?? '',
        bodies[0]?.headers ?? {},
      );
      expect(delivered).toEqual({
        type: 'credential.wallet_copied',
        timestamp: expect.any(String),
        data: { issuerId, credentialId: originalId, achievementId, copyId, holderDid, via: 'openid4vci' },
      });
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
