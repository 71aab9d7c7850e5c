import { AesGcmKeyStore } from '../../db/keystore/aes-gcm-key-store.js';
import { keyStoreId } from '../../domain/issuer/issuer-keys.js';
import { type DoctorFinding, ok, problem } from './doctor-finding.js';

/** One issuer signing key as stored: sealed under the master key the database was used with. */
export interface SealedKeySample {
  readonly issuerId: string;
  readonly keyId: string;
  readonly sealed: Uint8Array;
}

/** Opens `sample` with `masterKey` as the server would when signing; rejects when it does not open. */
export async function openSealedKey(masterKey: Uint8Array, sample: SealedKeySample): Promise<void> {
  await new AesGcmKeyStore({ masterKey }).decrypt({
    keyId: keyStoreId(sample.issuerId, sample.keyId),
    sealed: sample.sealed,
  });
}

/**
 * A master key can be strong and still the wrong one (a database restored beside a new key, a key
 * regenerated in development): then no issuer can sign, and nothing else says so before the first issue.
 */
export async function checkSealedKeys(options: {
  /** The master key the server would use; undefined when it would generate a new one. */
  readonly masterKey: Uint8Array | undefined;
  /** The newest active issuer key in the database, or null when none is stored yet. */
  readonly sample: SealedKeySample | null;
  readonly open?: (masterKey: Uint8Array, sample: SealedKeySample) => Promise<void>;
}): Promise<DoctorFinding> {
  if (options.sample === null) return ok('sealed-keys', 'no issuer key stored yet');
  if (options.masterKey === undefined)
    return problem(
      'sealed-keys',
      'the database holds issuer keys, but no master key is configured: a newly generated one could not open them, and no issuer could sign',
      'set MASTER_KEY to the key these issuer keys were sealed under (from your secret manager, or DATA_DIR/master.key)',
    );
  try {
    await (options.open ?? openSealedKey)(options.masterKey, options.sample);
    return ok('sealed-keys', 'the master key opens the issuer keys stored in the database');
  } catch {
    return problem(
      'sealed-keys',
      'the master key does not open the issuer keys stored in the database: no issuer could sign',
      'set MASTER_KEY to the key the database was used with (a restored database needs the master key of its backup)',
    );
  }
}
