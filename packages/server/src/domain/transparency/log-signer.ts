import {
  createNoteSigner,
  formatNoteVerifierKey,
  generateEd25519KeyPair,
  type NoteSigner,
} from '@microcred/vc';
import type { PlatformContext } from '../platform-context.js';

/** The KeyStore id the log's key is sealed under (and its row in `log_keys`). */
export const LOG_KEY_ID = 'transparency-log#1';

/** The log's origin and key name: the public URL's host and `/log`, e.g. `badges.example.edu/log`. */
export function logOrigin(publicUrl: string): string {
  return `${new URL(publicUrl).host}/log`;
}

export interface LogSigner {
  readonly origin: string;
  readonly signer: NoteSigner;
  /** `<name>+<hex key id>+<base64(0x01 ‖ public key)>`, served at `/log/key`. */
  readonly verifierKey: string;
}

type LogKeyContext = Pick<PlatformContext, 'keyStore' | 'publicUrl' | 'storage'>;

/** The log's stored key, created and sealed on first use (two processes racing keep the first one stored). */
async function storedLogKey(context: LogKeyContext) {
  const log = context.storage.transparencyLog;
  const stored = await log.findKey({ keyId: LOG_KEY_ID });
  if (stored !== null) return stored;
  const { publicKey, secretKey } = generateEd25519KeyPair();
  const sealedSecret = await context.keyStore.encrypt({ keyId: LOG_KEY_ID, secret: secretKey });
  secretKey.fill(0);
  return log.saveKey({ keyId: LOG_KEY_ID, publicKey, sealedSecret });
}

/** Remembers a load once it succeeds; a failed one is tried again by the next call. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
}

/** The log's signer, its key decrypted once per process. */
export function createLogSigner(context: LogKeyContext): () => Promise<LogSigner> {
  return once(async () => {
    const stored = await storedLogKey(context);
    const secretKey = await context.keyStore.decrypt({ keyId: LOG_KEY_ID, sealed: stored.sealedSecret });
    const origin = logOrigin(context.publicUrl);
    return {
      origin,
      signer: createNoteSigner({ name: origin, secretKey }),
      verifierKey: formatNoteVerifierKey(origin, stored.publicKey),
    };
  });
}

/**
 * The log's verifier key (`/log/key`) from its stored public key alone: it never opens the sealed
 * secret, so auditors can still check old checkpoints when the master key is wrong or being rotated.
 */
export function createLogVerifierKey(context: LogKeyContext): () => Promise<string> {
  return once(async () =>
    formatNoteVerifierKey(logOrigin(context.publicUrl), (await storedLogKey(context)).publicKey),
  );
}
