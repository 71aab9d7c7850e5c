import { DEMO_LEARNER_EMAIL } from '../../src/domain/demo/seed-demo-data.js';
import type { Platform } from '../../src/domain/platform.js';

/**
 * The demo learner claims the credential the demo mailed them, as their claim link would: their account,
 * the accepted credential and a session for them. Call after `seedDemoData`.
 */
export async function acceptDemoLearnerClaim(platform: Platform) {
  const claim = (await platform.mail.list(500))
    .filter((mail) => mail.toAddress === DEMO_LEARNER_EMAIL)
    .map((mail) => /\/claim\/([^\s"<>)]+)/.exec(mail.textBody)?.[1])
    .find((secret) => secret !== undefined);
  if (claim === undefined) throw new Error('no claim mail for the demo learner');
  const accepted = await platform.earners.acceptClaim({ secret: claim, signedIn: null, locale: 'en' });
  const session = await platform.earners.startSession(accepted.earnerId);
  return { credentialId: accepted.credentialId, earnerId: accepted.earnerId, session };
}
