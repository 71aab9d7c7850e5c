import { type CredentialSigner, inProcessSigner } from '../../src/domain/credential/credential-signer.js';

/**
 * Signs like the in-process signer once `release` is called; `entered` resolves when a batch arrives.
 * Every batch waits for `release`, or with `onlyTheFirstBatch` the first one alone (the others sign at once).
 */
export function heldSigner(
  options: { readonly onlyTheFirstBatch?: boolean } = {},
): CredentialSigner & { entered: Promise<void>; release(): void } {
  let enter: () => void = () => {};
  let release: () => void = () => {};
  const entered = new Promise<void>((resolve) => {
    enter = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let holding = true;
  return {
    sign: inProcessSigner.sign,
    async signMany(requests) {
      if (holding) {
        holding = options.onlyTheFirstBatch !== true;
        enter();
        await released;
      }
      return inProcessSigner.signMany(requests);
    },
    entered,
    release,
  };
}
