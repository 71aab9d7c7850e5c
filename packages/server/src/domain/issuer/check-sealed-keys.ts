import { isMicrocredError } from '@microcred/vc';
import type { PlatformContext } from '../platform-context.js';
import { LOG_KEY_ID } from '../transparency/log-signer.js';
import { createActiveSigningKey } from './issuer-keys.js';

const PAGE = 100;

export interface SealedKeysCheck {
  /** Sealed keys tried: every issuer's active key, and the transparency log's key when it has one. */
  readonly checked: number;
  /** Those the key store could not open (issuer slugs; `transparency-log` for the log's key). */
  readonly unopened: readonly string[];
}

/**
 * Tries to open every sealed signing key with this process's master key, signing nothing. After a
 * restore, a master key other than the one the keys were sealed under shows here, by name, rather than
 * as the first issuance or checkpoint that fails.
 */
export async function checkSealedKeys(
  context: Pick<PlatformContext, 'keyStore' | 'publicUrl' | 'storage'>,
): Promise<SealedKeysCheck> {
  const open = createActiveSigningKey(context);
  const unopened: string[] = [];
  let checked = 0;
  for (let offset = 0; ; offset += PAGE) {
    const issuers = await context.storage.issuers.list({ limit: PAGE, offset });
    for (const issuer of issuers) {
      if ((await context.storage.issuerKeys.findActive({ issuerId: issuer.id })) === null) continue;
      checked += 1;
      if (!(await opens(() => open(issuer)))) unopened.push(issuer.slug);
    }
    if (issuers.length < PAGE) break;
  }
  const logKey = await context.storage.transparencyLog.findKey({ keyId: LOG_KEY_ID });
  if (logKey !== null) {
    checked += 1;
    const opened = await opens(() =>
      context.keyStore.decrypt({ keyId: LOG_KEY_ID, sealed: logKey.sealedSecret }),
    );
    if (!opened) unopened.push('transparency-log');
  }
  return { checked, unopened };
}

/** False when the key store refuses the sealed key (another master key, or altered); other errors propagate. */
async function opens(attempt: () => Promise<unknown>): Promise<boolean> {
  try {
    await attempt();
    return true;
  } catch (error) {
    if (isMicrocredError(error) && error.code === 'CRYPTOGRAPHIC_SECURITY_ERROR') return false;
    throw error;
  }
}
