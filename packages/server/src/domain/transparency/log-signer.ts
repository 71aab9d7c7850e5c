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

/**
 * The log's signer, its Ed25519 key created and sealed on first use (two processes racing keep the
 * first one stored), then decrypted once per process.
 */
export function createLogSigner(
  context: Pick<PlatformContext, 'keyStore' | 'publicUrl' | 'storage'>,
): () => Promise<LogSigner> {
  let loaded: Promise<LogSigner> | undefined;
  const load = async (): Promise<LogSigner> => {
    const log = context.storage.transparencyLog;
    let stored = await log.findKey({ keyId: LOG_KEY_ID });
    if (stored === null) {
      const { publicKey, secretKey } = generateEd25519KeyPair();
      const sealedSecret = await context.keyStore.encrypt({ keyId: LOG_KEY_ID, secret: secretKey });
      secretKey.fill(0);
      stored = await log.saveKey({ keyId: LOG_KEY_ID, publicKey, sealedSecret });
    }
    const secretKey = await context.keyStore.decrypt({ keyId: LOG_KEY_ID, sealed: stored.sealedSecret });
    const origin = logOrigin(context.publicUrl);
    return {
      origin,
      signer: createNoteSigner({ name: origin, secretKey }),
      verifierKey: formatNoteVerifierKey(origin, stored.publicKey),
    };
  };
  return () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
}
