import { createHash } from 'node:crypto';
import {
  canonicalizeJcs,
  createMemoryHashStore,
  decodeEntryBundle,
  hashLeaf,
  openCheckpoint,
  parseNoteVerifierKey,
  TILE_WIDTH,
  tileBytes,
  verifyInclusionProof,
} from '@microcred/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPathwayWorld, threeOfFour } from '../../test/support/pathway-fixtures.js';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADMIN, PUBLIC_URL, seedIssuer } from '../../test/support/test-platform.js';
import { WebSession } from '../../test/support/web-session.js';
import { testDrivers } from '../db/open-test-database.js';
import { revokeIssuerKey } from '../domain/issuer/issuer-keys.js';
import { issuerKeyLogEntry } from '../domain/transparency/index.js';

const ORIGIN = 'badges.example.edu/log';

/**
 * The transparency log as an outside checker sees it, over HTTP only: the key, the checkpoint, a
 * credential's JSON and its proof; and the tiles an auditor downloads.
 */
describe.each(testDrivers())('the transparency log over HTTP on %s', (driver) => {
  let test: TestApp;
  let seeded: Awaited<ReturnType<typeof seedIssuer>>;
  beforeAll(async () => {
    test = await openTestApp(driver, { web: { secureCookies: false, devMailbox: true } });
    seeded = await seedIssuer(test.platform);
  });
  afterAll(async () => {
    await test?.close();
  });

  /** What a checker does with a credential id and nothing but HTTP; returns the leaf index. */
  async function checkFromOutside(credentialId: string, cookie?: string): Promise<number> {
    const asEarner: Record<string, string> = cookie === undefined ? {} : { Cookie: `mc_session=${cookie}` };
    const key = await test.call('/log/key');
    expect(key.status).toBe(200);
    expect(key.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    const verifier = parseNoteVerifierKey(key.text);
    const document = await test.call(`/credentials/${credentialId}`, {
      headers: { Accept: 'application/json', ...asEarner },
    });
    expect(document.status).toBe(200);
    const entry = createHash('sha256').update(canonicalizeJcs(document.body)).digest();
    const proof = await test.call(`/api/v1/credentials/${credentialId}/log-proof`, { headers: asEarner });
    expect(proof.status).toBe(200);
    expect(Object.keys(proof.body).sort()).toEqual(['checkpoint', 'inclusionProof', 'leafIndex', 'treeSize']);
    const { checkpoint } = openCheckpoint(proof.body.checkpoint, { verifiers: [verifier], origin: ORIGIN });
    expect(checkpoint.size).toBe(proof.body.treeSize);
    verifyInclusionProof({
      leafIndex: proof.body.leafIndex,
      treeSize: checkpoint.size,
      leafHash: hashLeaf(new Uint8Array(entry)),
      proof: (proof.body.inclusionProof as string[]).map(
        (hash) => new Uint8Array(Buffer.from(hash, 'base64')),
      ),
      rootHash: checkpoint.rootHash,
    });
    return proof.body.leafIndex;
  }

  async function leafCountsByCredential(): Promise<Map<string, number>> {
    const { size } = await test.storage.transparencyLog.readTree();
    const leaves = await test.storage.transparencyLog.leaves({ from: 0, limit: size + 100_000 });
    const counts = new Map<string, number>();
    for (const leaf of leaves) {
      if (leaf.credentialId !== undefined)
        counts.set(leaf.credentialId, (counts.get(leaf.credentialId) ?? 0) + 1);
    }
    return counts;
  }

  it('gives every credential issued singly, in bulk and by a pathway one leaf that an outside checker verifies', async () => {
    const single = await test.call('/api/v1/credentials', {
      token: ADMIN_TOKEN,
      json: { achievementId: seeded.achievement.id, recipient: { email: 'log-single@example.org' } },
    });
    expect(single.status).toBe(201);
    const job = await test.platform.bulk.create(ADMIN, {
      achievementId: seeded.achievement.id,
      text: 'email\nlog-bulk-1@example.org\nlog-bulk-2@example.org\nlog-bulk-3@example.org\n',
    });
    expect(await test.platform.bulk.processRows({ workerId: 'log-test', jobId: job.id })).toBe(3);
    const world = await seedPathwayWorld(test.platform);
    await test.platform.pathways.create(ADMIN, threeOfFour(world));
    const earner = new WebSession(test);
    await earner.signIn('log-pathway@example.org');
    for (const part of world.parts.slice(0, 3)) {
      await test.platform.credentials.issue(ADMIN, {
        achievementId: part.id,
        recipient: { email: 'log-pathway@example.org' },
      });
    }
    const awarded = await test.storage.credentials.list({
      issuerId: world.issuer.id,
      achievementId: world.certificate.id,
      limit: 10,
    });
    expect(awarded).toHaveLength(1);

    const bulkIssued = await test.storage.credentials.list({ issuerId: seeded.issuer.id, limit: 100 });
    // The single credential and the bulk batch (same issuer), then the pathway's certificate.
    const issued = [...bulkIssued.map((record) => record.id), awarded[0]?.id ?? ''];
    expect(issued).toContain(single.body.id);
    expect(new Set(issued).size).toBe(5);
    // Every credential stored has exactly one leaf, and none is waiting for the catch-up.
    const counts = await leafCountsByCredential();
    expect(await test.storage.transparencyLog.unloggedCredentials({ limit: 10 })).toEqual([]);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    // Proofs are asked before any worker ran: the leaves are integrated on demand.
    const indexes: number[] = [];
    // The pathway's certificate waits in its earner's portfolio: only they read it, and its proof.
    const session = earner.cookie('mc_session');
    for (const id of issued)
      indexes.push(await checkFromOutside(id, id === awarded[0]?.id ? session : undefined));
    expect(new Set(indexes).size).toBe(issued.length);
  });

  it('shows the position on the credential page and offers the proof beside the credential in a download', async () => {
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: seeded.achievement.id,
      recipient: { email: 'log-page@example.org' },
    });
    const id = issued.record.id;
    const leaf = await test.storage.transparencyLog.leafOfCredential({ credentialId: id });
    const page = await test.call(`/credentials/${id}`, { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain(`data-log-position="${leaf?.index}"`);
    expect(page.text).toMatch(
      new RegExp(`Logged at position ${leaf?.index} of the transparency log on \\w+ \\d+, \\d{4}`),
    );
    expect(page.text).toContain(`href="/api/v1/credentials/${id}/log-proof"`);
    expect(page.text).toContain(`/credentials/${id}/download/credential-with-log-proof.json`);
    const french = await test.call(`/credentials/${id}`, {
      headers: { Accept: 'text/html', 'Accept-Language': 'fr' },
    });
    expect(french.text).toContain(`Inscrite à la position ${leaf?.index} du journal de transparence`);

    const download = await test.call(`/credentials/${id}/download/credential-with-log-proof.json`);
    expect(download.status).toBe(200);
    expect(Object.keys(download.body).sort()).toEqual(['credential', 'logProof']);
    const served = await test.call(`/credentials/${id}`, { headers: { Accept: 'application/json' } });
    expect(download.body.credential).toEqual(served.body);
    expect(download.body.logProof.leafIndex).toBe(leaf?.index);
    expect(await checkFromOutside(id)).toBe(leaf?.index);
  });

  it('logs nothing more when a request is replayed with the same idempotency key (I9)', async () => {
    const request = {
      achievementId: seeded.achievement.id,
      recipient: { email: 'log-replay@example.org' },
      idempotencyKey: 'log-replay-1',
    };
    const first = await Promise.all([
      test.call('/api/v1/credentials', { token: ADMIN_TOKEN, json: request }),
      test.call('/api/v1/credentials', { token: ADMIN_TOKEN, json: request }),
    ]);
    expect(first.map((response) => response.body.id)[0]).toBe(first[1]?.body.id);
    const again = await test.call('/api/v1/credentials', { token: ADMIN_TOKEN, json: request });
    expect(again.body.id).toBe(first[0]?.body.id);
    expect((await leafCountsByCredential()).get(first[0]?.body.id)).toBe(1);
  });

  it('answers 404 for the proof of a credential hidden from the caller, as at its id', async () => {
    // Issued to an earner's confirmed address: hidden from others until they accept it.
    await new WebSession(test).signIn('log-private@example.org');
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: seeded.achievement.id,
      recipient: { email: 'log-private@example.org' },
    });
    expect((await test.call(`/credentials/${issued.record.id}`)).status).toBe(404);
    expect((await test.call(`/api/v1/credentials/${issued.record.id}/log-proof`)).status).toBe(404);
    expect(
      (await test.call('/api/v1/credentials/00000000-0000-4000-8000-000000000000/log-proof')).status,
    ).toBe(404);
    // Its issuer's key reads it (as it reads the credential itself); another issuer's key does not.
    const own = await test.platform.apiKeys.create(ADMIN, seeded.issuer.id, { name: 'log', role: 'viewer' });
    const other = await seedIssuer(test.platform, 'log-other-university');
    const stranger = await test.platform.apiKeys.create(ADMIN, other.issuer.id, { name: 'x', role: 'owner' });
    const path = `/api/v1/credentials/${issued.record.id}/log-proof`;
    const mine = await test.call(path, { token: own.token });
    expect(mine.status).toBe(200);
    expect(mine.body.leafIndex).toBeTypeOf('number');
    expect(mine.headers.get('cache-control')).toBe('private, no-store');
    expect((await test.call(path, { token: stranger.token })).status).toBe(404);
  });

  it('logs issuer key events: creation, rotation and revocation', async () => {
    const { issuer } = await seedIssuer(test.platform, 'log-keys-university');
    await test.platform.issuers.rotateKey(ADMIN, issuer.id);
    const [first] = await test.storage.issuerKeys.list({ issuerId: issuer.id });
    if (first === undefined) throw new Error('no key');
    const context = { publicUrl: PUBLIC_URL, now: () => new Date() };
    const revoke = () =>
      test.storage.transaction((repositories) => revokeIssuerKey(context, repositories, issuer, first));
    expect(await revoke()).toBe(true);
    // Revoking again changes nothing and logs nothing.
    expect(await revoke()).toBe(false);
    const { size } = await test.storage.transparencyLog.readTree();
    await test.platform.transparencyLog.integrate();
    const leaves = await test.storage.transparencyLog.leaves({ from: 0, limit: 100_000 });
    const events = leaves
      .filter((leaf) => leaf.kind === 'issuer-key')
      .map((leaf) => JSON.parse(new TextDecoder().decode(leaf.entry)) as Record<string, string>)
      .filter((event) => event.issuer === 'did:web:badges.example.edu:issuers:log-keys-university');
    expect(events.map((event) => [event.type, event.verificationMethod])).toEqual([
      ['created', 'did:web:badges.example.edu:issuers:log-keys-university#key-1'],
      ['rotated', 'did:web:badges.example.edu:issuers:log-keys-university#key-2'],
      ['revoked', 'did:web:badges.example.edu:issuers:log-keys-university#key-1'],
    ]);
    expect(Object.keys(events[0] ?? {}).sort()).toEqual([
      'at',
      'issuer',
      'publicKeyMultibase',
      'type',
      'verificationMethod',
    ]);
    expect(size).toBeGreaterThan(0);
  });

  it('serves full and partial tiles and entry bundles byte for byte as the pure core computes them', async () => {
    // Enough leaves for a full level-0 tile and a partial one: appended as key events, fast.
    const filler = Array.from({ length: TILE_WIDTH + 40 }, (_, i) =>
      issuerKeyLogEntry({
        type: 'created',
        issuer: `did:web:filler.example:${i}`,
        verificationMethod: `did:web:filler.example:${i}#key-1`,
        publicKeyMultibase: 'z6Mk',
        at: new Date(0),
      }),
    );
    await test.storage.transaction((repositories) => repositories.transparencyLog.append(filler, new Date()));
    await test.platform.transparencyLog.integrate();
    const checkpoint = await test.call('/log/checkpoint');
    expect(checkpoint.status).toBe(200);
    expect(checkpoint.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(checkpoint.headers.get('Cache-Control')).toBe('public, max-age=5');
    const verifier = parseNoteVerifierKey((await test.call('/log/key')).text);
    const { checkpoint: parsed } = openCheckpoint(checkpoint.text, { verifiers: [verifier], origin: ORIGIN });

    const leaves = await test.storage.transparencyLog.leaves({ from: 0, limit: parsed.size });
    const reference = createMemoryHashStore();
    reference.append(leaves.map((leaf) => hashLeaf(leaf.entry)));
    expect(Buffer.from(reference.root()).equals(Buffer.from(parsed.rootHash))).toBe(true);

    const bytesOf = async (path: string) => {
      const response = await test.app.request(`/log/${path}`);
      return {
        status: response.status,
        cache: response.headers.get('Cache-Control'),
        type: response.headers.get('Content-Type'),
        bytes: new Uint8Array(await response.arrayBuffer()),
      };
    };
    const full = await bytesOf('tile/0/000');
    expect(full).toMatchObject({
      status: 200,
      cache: 'public, max-age=31536000, immutable',
      type: 'application/octet-stream',
    });
    expect(
      Buffer.from(full.bytes).equals(
        Buffer.from(tileBytes({ level: 0, index: 0, width: TILE_WIDTH }, reference.read)),
      ),
    ).toBe(true);
    const width = parsed.size - TILE_WIDTH;
    const partial = await bytesOf(`tile/0/001.p/${width}`);
    expect(partial).toMatchObject({ status: 200, cache: 'public, max-age=5' });
    expect(
      Buffer.from(partial.bytes).equals(
        Buffer.from(tileBytes({ level: 0, index: 1, width }, reference.read)),
      ),
    ).toBe(true);
    const level1 = await bytesOf('tile/1/000.p/1');
    expect(
      Buffer.from(level1.bytes).equals(
        Buffer.from(tileBytes({ level: 1, index: 0, width: 1 }, reference.read)),
      ),
    ).toBe(true);

    const bundle = await bytesOf('tile/entries/000');
    expect(bundle.status).toBe(200);
    const entries = decodeEntryBundle(bundle.bytes, TILE_WIDTH);
    expect(entries.map((entry) => Buffer.from(entry).toString('hex'))).toEqual(
      leaves.slice(0, TILE_WIDTH).map((leaf) => Buffer.from(leaf.entry).toString('hex')),
    );
    const partialBundle = await bytesOf(`tile/entries/001.p/${width}`);
    expect(decodeEntryBundle(partialBundle.bytes, width)).toHaveLength(width);

    // ADVERSARIAL L5: a partial tile the checkpoint does not imply, a tile beyond it, non-canonical paths.
    for (const path of [
      `tile/0/001.p/${width - 1}`,
      `tile/0/001.p/${width + 1}`,
      'tile/0/002',
      'tile/0/001',
      'tile/2/000.p/1',
      `tile/entries/001.p/${width + 1}`,
      'tile/0/x000/000',
      'tile/0/00',
      'tile/0/0000',
      'tile/00/000',
      'tile/0/000.p/256',
      'tile/0/000.p/0',
      'tile/0/000/extra',
      'tile/x/000',
    ]) {
      expect((await bytesOf(path)).status, path).toBe(404);
    }
  });
});
