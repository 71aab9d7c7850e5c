import {
  didKeyFromPublicKey,
  didKeyVerificationMethodId,
  generateEd25519KeyPair,
  toMultikeyDocument,
} from '@microcred/vc';
import { writeOutput } from '../cli-io.js';

/** `microcred keys generate`: a fresh Ed25519 key as a Multikey document whose controller is its did:key. */
export function keysGenerate(options: { out?: string }, stdout: (text: string) => void): void {
  const { publicKey, secretKey } = generateEd25519KeyPair();
  const did = didKeyFromPublicKey(publicKey);
  const document = {
    '@context': ['https://w3id.org/security/multikey/v1'],
    ...toMultikeyDocument({ id: didKeyVerificationMethodId(did), controller: did, publicKey, secretKey }),
  };
  const json = `${JSON.stringify(document, null, 2)}\n`;
  if (options.out === undefined) {
    stdout(json);
  } else {
    writeOutput(options.out, json, { secret: true });
    stdout(`wrote ${options.out} (keep it secret)\nissuer DID: ${did}\n`);
  }
}
