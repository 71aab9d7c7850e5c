import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsSettled } from '../../test/support/settled-events.js';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../test/support/test-platform.js';
import { testDrivers } from '../db/open-test-database.js';
import { RETRY_DELAYS_MS } from '../domain/webhooks/process-webhooks.js';
import { createGuardedFetcher } from '../edge/outbound/create-guarded-fetcher.js';
import { guardedWebhookSender } from '../edge/outbound/guarded-webhook-sender.js';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A receiver on 127.0.0.1 that records what it gets and answers `status` (changeable). */
async function startReceiver(options: { status: number; answer?: string }) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(options.status, { 'content-type': 'text/plain' });
      response.end(options.answer ?? 'received');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    options,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function issuerKey(test: TestApp, issuerId: string): Promise<string> {
  const { token } = await test.platform.apiKeys.create(ADMIN, issuerId, {
    name: 'integration',
    role: 'owner',
  });
  return token;
}

describe.each(testDrivers())('event feed and webhooks over HTTP on %s', (driver) => {
  describe('with MICROCRED_WEBHOOK_ALLOW_PRIVATE=1', () => {
    let test: TestApp;
    // The platform's clock: real time moved by `shift`, so retries a day apart take no time at all.
    let shift = 0;
    beforeAll(async () => {
      test = await openTestApp(driver, {
        platform: {
          now: () => new Date(Date.now() + shift),
          webhookSender: guardedWebhookSender(createGuardedFetcher({ allowPrivateAddresses: true })),
        },
      });
    });
    afterAll(async () => {
      await test?.close();
    });

    it("feeds an issuer key its own issuer's events in order, by cursor; another issuer's answers 404", async () => {
      const first = await seedIssuer(test.platform);
      const second = await seedIssuer(test.platform);
      const token = await issuerKey(test, first.issuer.id);
      for (const email of ['a@example.org', 'b@example.org']) {
        await test.platform.credentials.issue(ADMIN, {
          achievementId: first.achievement.id,
          recipient: { email },
        });
        await test.platform.credentials.issue(ADMIN, {
          achievementId: second.achievement.id,
          recipient: { email },
        });
      }
      await eventsSettled(test);
      const page1 = await test.call('/api/v1/events?type=credential.issued&limit=1', { token });
      expect(page1.status).toBe(200);
      expect(page1.body.events).toHaveLength(1);
      expect(page1.body.events[0]).toEqual({
        id: expect.stringMatching(/^\d+$/),
        type: 'credential.issued',
        timestamp: expect.any(String),
        data: expect.objectContaining({ issuerId: first.issuer.id, via: 'api' }),
      });
      const page2 = await test.call(`/api/v1/events?type=credential.issued&after=${page1.body.next}`, {
        token,
      });
      expect(page2.body.events.map((event: { data: { issuerId: string } }) => event.data.issuerId)).toEqual([
        first.issuer.id,
      ]);
      expect(Number(page2.body.events[0].id)).toBeGreaterThan(Number(page1.body.events[0].id));
      const page3 = await test.call(`/api/v1/events?after=${page2.body.next}&type=credential.issued`, {
        token,
      });
      expect(page3.body).toEqual({ events: [], next: page2.body.next });

      expect((await test.call(`/api/v1/events?issuerId=${second.issuer.id}`, { token })).status).toBe(404);
      await eventsSettled(test);
      const all = await test.call(`/api/v1/events?issuerId=${second.issuer.id}&limit=500`, {
        token: ADMIN_TOKEN,
      });
      expect(all.status).toBe(200);
      expect(all.body.events.length).toBeGreaterThanOrEqual(2);
      expect((await test.call('/api/v1/events?type=credential.nope', { token })).status).toBe(400);
      expect((await test.call('/api/v1/events?after=-1', { token })).status).toBe(400);
    });

    it('delivers signed events to a receiver on 127.0.0.1 that the standardwebhooks library verifies', async () => {
      const receiver = await startReceiver({ status: 204 });
      try {
        const { issuer, achievement } = await seedIssuer(test.platform);
        const token = await issuerKey(test, issuer.id);
        const created = await test.call('/api/v1/webhooks', {
          method: 'POST',
          token,
          json: { url: receiver.url, events: ['credential.issued', 'credential.revoked'] },
        });
        expect(created.status).toBe(201);
        expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32,}$/);
        const { record } = await test.platform.credentials.issue(ADMIN, {
          achievementId: achievement.id,
          recipient: { email: 'hook@example.org' },
        });
        await test.platform.credentials.revoke(ADMIN, record.id, { reason: 'test' });
        await eventsSettled(test);
        await test.platform.webhooks.process();
        expect(receiver.received).toHaveLength(2);
        const verifier = new Webhook(created.body.secret);
        const bodies = receiver.received.map((delivery) =>
          verifier.verify(delivery.body, delivery.headers as Record<string, string>),
        );
        expect(bodies).toEqual([
          {
            type: 'credential.issued',
            timestamp: record.issuedAt.toISOString(),
            data: expect.objectContaining({ credentialId: record.id, via: 'api' }),
          },
          {
            type: 'credential.revoked',
            timestamp: expect.any(String),
            data: expect.objectContaining({ reason: 'test' }),
          },
        ]);
        // The claim mail was not subscribed to: nothing for it.
        const log = await test.call(`/api/v1/webhooks/${created.body.id}/deliveries`, { token });
        expect(log.status).toBe(200);
        expect(log.body.map((delivery: { state: string }) => delivery.state)).toEqual([
          'succeeded',
          'succeeded',
        ]);
        expect(log.body[0].attemptLog[0]).toMatchObject({ statusCode: 204, ok: true });

        // A replay sends the same message id again.
        const replay = await test.call(
          `/api/v1/webhooks/${created.body.id}/deliveries/${log.body[1].id}/replay`,
          { method: 'POST', token },
        );
        expect(replay.status).toBe(202);
        await eventsSettled(test);
        await test.platform.webhooks.process();
        expect(receiver.received).toHaveLength(3);
        expect(receiver.received[2]?.headers['webhook-id']).toBe(receiver.received[0]?.headers['webhook-id']);

        // Another issuer's key sees no such endpoint.
        const other = await seedIssuer(test.platform);
        const otherToken = await issuerKey(test, other.issuer.id);
        expect(
          (await test.call(`/api/v1/webhooks/${created.body.id}/deliveries`, { token: otherToken })).status,
        ).toBe(404);
        expect(
          (await test.call(`/api/v1/webhooks/${created.body.id}`, { method: 'DELETE', token: otherToken }))
            .status,
        ).toBe(404);
        expect(
          (await test.call(`/api/v1/webhooks/${created.body.id}`, { method: 'DELETE', token })).status,
        ).toBe(204);
      } finally {
        await receiver.close();
      }
    });

    it('retries with exponential backoff for more than a day, logs every answer, then disables and tells the owners', async () => {
      const receiver = await startReceiver({ status: 500, answer: 'database is down' });
      try {
        const { issuer, achievement } = await seedIssuer(test.platform);
        await test.platform.members.add(ADMIN, issuer.id, { email: 'owner@example.org', role: 'owner' });
        const { endpoint } = await test.platform.webhooks.create(ADMIN, {
          issuerId: issuer.id,
          url: receiver.url,
          events: ['credential.issued'],
        });
        await test.platform.credentials.issue(ADMIN, {
          achievementId: achievement.id,
          recipient: { did: 'did:example:retry' },
        });
        const start = Date.now() + shift;
        await eventsSettled(test);
        await test.platform.webhooks.process();
        expect(receiver.received).toHaveLength(1);
        // Nothing is due before the first delay has passed.
        await eventsSettled(test);
        await test.platform.webhooks.process();
        expect(receiver.received).toHaveLength(1);
        // Each step to just past the attempt that is due: the previous one plus its delay (and a second).
        let at = start;
        for (const delay of RETRY_DELAYS_MS) {
          at += delay + 1000;
          shift = at - Date.now();
          await eventsSettled(test);
          await test.platform.webhooks.process();
        }
        expect(receiver.received).toHaveLength(RETRY_DELAYS_MS.length + 1);
        expect(at - start).toBeGreaterThan(24 * 60 * 60 * 1000);
        // The same message on every attempt, with a fresh timestamp each time.
        expect(new Set(receiver.received.map((item) => item.headers['webhook-id'])).size).toBe(1);
        expect(new Set(receiver.received.map((item) => item.headers['webhook-timestamp'])).size).toBe(
          RETRY_DELAYS_MS.length + 1,
        );
        const [delivery] = await test.platform.webhooks.deliveries(ADMIN, endpoint.id);
        expect(delivery?.state).toBe('failed');
        expect(delivery?.attemptLog).toHaveLength(RETRY_DELAYS_MS.length + 1);
        expect(
          delivery?.attemptLog.every(
            (attempt) => attempt.statusCode === 500 && attempt.excerpt === 'database is down',
          ),
        ).toBe(true);
        const gaps = delivery?.attemptLog.slice(1).map((attempt, index) => {
          const before = delivery.attemptLog[index];
          return before === undefined ? 0 : attempt.at.getTime() - before.at.getTime();
        });
        // Each wait at least the scheduled one, growing.
        gaps?.forEach((gap, index) => {
          expect(gap).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[index] ?? 0);
        });
        const after = await test.platform.webhooks.get(ADMIN, endpoint.id);
        expect(after.enabled).toBe(false);
        const notices = (await test.platform.mail.list(500)).filter(
          (mail) => mail.toAddress === 'owner@example.org',
        );
        expect(
          notices.some((mail) => mail.subject.includes('disabled') && mail.textBody.includes(receiver.url)),
        ).toBe(true);
        // A disabled endpoint gets nothing more.
        await test.platform.credentials.issue(ADMIN, {
          achievementId: achievement.id,
          recipient: { did: 'did:example:more' },
        });
        shift += 60 * 60 * 1000;
        await eventsSettled(test);
        await test.platform.webhooks.process();
        expect(receiver.received).toHaveLength(RETRY_DELAYS_MS.length + 1);
      } finally {
        shift = 0;
        await receiver.close();
      }
    });

    it('issues at once while the receiver hangs: delivery is the worker’s business', async () => {
      const hanging = createServer(() => {});
      await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
      try {
        const { issuer, achievement } = await seedIssuer(test.platform);
        await test.platform.webhooks.create(ADMIN, {
          issuerId: issuer.id,
          url: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`,
          events: ['credential.issued'],
        });
        const started = performance.now();
        await test.platform.credentials.issue(ADMIN, {
          achievementId: achievement.id,
          recipient: { did: 'did:example:fast' },
        });
        expect(performance.now() - started).toBeLessThan(2_000);
      } finally {
        hanging.closeAllConnections();
        hanging.close();
      }
    });
  });

  describe('without the switch', () => {
    let test: TestApp;
    beforeAll(async () => {
      test = await openTestApp(driver, {
        platform: { webhookSender: guardedWebhookSender(createGuardedFetcher({ timeoutMs: 2_000 })) },
      });
    });
    afterAll(async () => {
      await test?.close();
    });

    it('refuses loopback, link-local and private URLs, and plain http', async () => {
      const { issuer } = await seedIssuer(test.platform);
      const token = await issuerKey(test, issuer.id);
      for (const url of [
        'https://127.0.0.1/hook',
        'https://169.254.169.254/latest/meta-data',
        'https://10.0.0.8/hook',
        'https://[::1]/hook',
        'http://example.org/hook',
        'not a url',
      ]) {
        const answer = await test.call('/api/v1/webhooks', {
          method: 'POST',
          token,
          json: { url, events: ['credential.issued'] },
        });
        expect(answer.status, url).toBe(400);
      }
      expect(await test.platform.webhooks.list(ADMIN, { issuerId: issuer.id })).toEqual([]);
      const badSecret = await test.call('/api/v1/webhooks', {
        method: 'POST',
        token,
        json: { url: 'https://hooks.example.org/x', events: ['credential.issued'], secret: 'hunter2' },
      });
      expect(badSecret.status).toBe(400);
    });

    it('refuses a redirect to a loopback address at delivery, and the target gets nothing', async () => {
      const target = await startReceiver({ status: 200 });
      const redirector = createServer((_request, response) => {
        response.writeHead(307, { location: target.url.replace('http:', 'https:') });
        response.end();
      });
      await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
      const host = `127.0.0.1:${(redirector.address() as AddressInfo).port}`;
      try {
        // Only the first hop is allow-listed, as an operator would for one known receiver.
        const sender = guardedWebhookSender(
          createGuardedFetcher({ allow: [{ hostname: '127.0.0.1', port: Number(host.split(':')[1]) }] }),
        );
        const answer = await sender.send({ url: `http://${host}/hook`, headers: {}, body: '{}' });
        expect(answer.status).toBeNull();
        expect(answer.excerpt).toMatch(/loopback/);
        expect(target.received).toHaveLength(0);
      } finally {
        redirector.close();
        await target.close();
      }
    });
  });
});
