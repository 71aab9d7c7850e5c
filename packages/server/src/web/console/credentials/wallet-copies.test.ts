import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptedWallet, walletKey } from '../../../../test/support/scripted-wallet.js';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { ADMIN } from '../../../../test/support/test-platform.js';
import { verifiedEarner } from '../../../../test/support/verified-earner.js';
import { WebSession } from '../../../../test/support/web-session.js';
import { DEMO_ISSUER_OWNER_EMAIL, seedDemoData } from '../../../domain/demo/seed-demo-data.js';

const CONSOLE = '/console/demo-university/credentials';
const HTML = { Accept: 'text/html' };

describe('a wallet’s holder-bound copy, in the console and on the earner’s page', () => {
  let test: TestApp;
  let owner: WebSession;
  let earnerCookie: string;
  let originalId: string;
  let copyId: string;
  let holderDid: string;
  let totalBefore: string;

  beforeAll(async () => {
    test = await openTestApp('pglite', {
      web: { secureCookies: false, devMailbox: true },
      platform: { adminEmails: ['root@example.org'] },
    });
    const { issuerId } = await seedDemoData(test.platform);
    owner = new WebSession(test);
    await owner.signIn(DEMO_ISSUER_OWNER_EMAIL);
    totalBefore = /data-total="(\d+)"/.exec((await owner.get(CONSOLE)).text)?.[1] ?? '';
    const [achievement] = await test.platform.achievements.list(ADMIN, { issuerId });
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: achievement?.id ?? '',
      recipient: { email: 'wallet-keeper@example.org', name: 'Wallet Keeper' },
    });
    originalId = issued.record.id;
    earnerCookie = (await verifiedEarner(test, 'wallet-keeper@example.org')).cookie;
    const offer = await test.call(`/api/v1/credentials/${originalId}/offers`, {
      token: ADMIN_TOKEN,
      json: {},
    });
    const wallet = new ScriptedWallet(test, await walletKey());
    const { answer } = await wallet.receive(offer.body.offerUri);
    expect(answer.status).toBe(200);
    copyId = (answer.body.credentials[0].credential as { id: string }).id.split('/').pop() ?? '';
    holderDid = wallet.key.didKey;
  });
  afterAll(async () => {
    await test?.close();
  });

  it('lists and counts the award once: the copy is no row of the list, the search or the export', async () => {
    const list = await owner.get(CONSOLE);
    expect(list.text).toContain(`data-total="${Number(totalBefore) + 1}"`);
    expect(list.text).toContain(`data-credential="${originalId}"`);
    expect(list.text).not.toContain(copyId);
    expect((await owner.get(`${CONSOLE}?recipient=${encodeURIComponent(holderDid)}`)).text).toContain(
      'data-total="0"',
    );
    const csv = await owner.get(`${CONSOLE}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(originalId);
    expect(csv.text).not.toContain(copyId);
    expect(csv.text).not.toContain(holderDid);
    // Its own console page does not exist either: it is reached through the original.
    expect((await owner.get(`${CONSOLE}/${copyId}`)).status).toBe(404);
  });

  it('shows under the original when a wallet copy was made, and for which DID', async () => {
    const detail = await owner.get(`${CONSOLE}/${originalId}`);
    expect(detail.status).toBe(200);
    expect(detail.text).toContain('Wallet copies');
    expect(detail.text).toContain(`data-wallet-copy="${copyId}"`);
    expect(detail.text).toContain(holderDid);
    // A credential without copies says nothing about wallets.
    const ids = [...(await owner.get(CONSOLE)).text.matchAll(/data-credential="([^"]+)"/g)].map((m) => m[1]);
    const other = ids.find((id) => id !== originalId);
    expect(other).toBeDefined();
    expect((await owner.get(`${CONSOLE}/${other}`)).text).not.toContain('data-wallet-copies');
  });

  it('shows the earner, and only the earner, the copies of their credential on its page', async () => {
    const own = await test.call(`/credentials/${originalId}`, { headers: { ...HTML, Cookie: earnerCookie } });
    expect(own.status).toBe(200);
    expect(own.text).toContain('data-wallet-copies');
    expect(own.text).toContain('In your wallets');
    expect(own.text).toContain(holderDid);
    // Anyone else who may read it (it is pending: its issuer's link) sees no wallet DID.
    const stranger = await test.call(`/credentials/${originalId}`, { headers: HTML });
    expect(stranger.text).not.toContain(holderDid);
    expect(stranger.text).not.toContain('data-wallet-copies');
  });
});
