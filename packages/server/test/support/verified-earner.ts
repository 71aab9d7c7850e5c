import { recipientLookupHash } from '../../src/domain/credential/recipient-lookup-hash.js';
import type { PlatformContext } from '../../src/domain/platform-context.js';
import type { TestApp } from './test-app.js';

/**
 * An earner account that has verified `email`, as signing in by an emailed link leaves it, and the cookie of a
 * session for it: credentials issued to `email` are theirs.
 */
export async function verifiedEarner(test: TestApp, email: string) {
  const context = (test.platform as unknown as { context: PlatformContext }).context;
  const earner = await test.storage.earners.create({ displayName: null, locale: 'en' });
  await test.storage.earnerEmails.put({
    earnerId: earner.id,
    email,
    lookupHash: recipientLookupHash(context.recipientPepper, email),
    verifiedAt: new Date(),
  });
  const secret = await test.platform.earners.startSession(earner.id);
  return { earner, cookie: `mc_session=${secret}` };
}
