import { ADMIN, type TestPlatform } from '../../../test/support/test-platform.js';
import { earnerForAddress } from '../earner/earner-sessions.js';
import { normalizeEmail } from '../identity/normalize-email.js';
import { refreshTalentEvidence } from './talent-evidence.js';

/**
 * An earner account named `name` (address `name@example.org`, proven) holding an accepted credential of
 * each achievement id in `achievementIds`, with its talent evidence built: as if they had claimed each.
 */
export async function earnerHolding(
  test: TestPlatform,
  name: string,
  achievementIds: readonly string[],
): Promise<{ readonly earnerId: string; readonly credentialIds: string[] }> {
  const email = `${name}@example.org`;
  const credentialIds: string[] = [];
  for (const achievementId of achievementIds) {
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId,
      recipient: { email, name },
      idempotencyKey: `${name}-${achievementId}`,
    });
    credentialIds.push(issued.record.id);
  }
  const context = test.platform.context;
  const earnerId = await context.storage.transaction(async (repositories) => {
    const id = await earnerForAddress(repositories, context, {
      email: normalizeEmail(email),
      locale: 'en',
      preferred: null,
    });
    await repositories.earners.update({ id, displayName: name });
    for (const credentialId of credentialIds) {
      await repositories.portfolios.putChoice({
        credentialId,
        earnerId: id,
        choice: 'accepted',
        visibility: 'public',
        at: context.now(),
      });
    }
    return id;
  });
  await refreshTalentEvidence(context, earnerId);
  return { earnerId, credentialIds };
}
