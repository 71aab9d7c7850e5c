import { decodeMasterKey, MASTER_KEY_BYTES } from '../../config.js';
import { type DoctorFinding, ok, problem, warning } from './doctor-finding.js';

const GENERATE = `MASTER_KEY=$(openssl rand -base64 ${MASTER_KEY_BYTES}), kept in a secret manager`;

/**
 * 32 random bytes hold about 30 different byte values; fewer than half that many is a key someone typed
 * or built from a pattern (all zeros, a repeated character), which a brute force tries first.
 */
const MIN_DISTINCT_BYTES = 16;

function looksRandom(key: Uint8Array): boolean {
  return new Set(key).size >= MIN_DISTINCT_BYTES;
}

/**
 * The master key seals every issuer's private key. Production takes it from `MASTER_KEY`; the key file
 * that development generates in DATA_DIR lives beside the data it protects, so a copy of the folder
 * (a backup, a disk) carries both.
 */
export function checkMasterKey(options: {
  /** `MASTER_KEY` as set (undefined when unset or empty). */
  readonly configured: string | undefined;
  /** DATA_DIR/master.key: its path, and its content when it exists. */
  readonly keyFile: { readonly path: string; readonly content: string | undefined } | undefined;
}): DoctorFinding {
  if (options.configured !== undefined) {
    const key = decodeMasterKey(options.configured);
    if (key === undefined)
      return problem(
        'master-key',
        `MASTER_KEY is not ${MASTER_KEY_BYTES} bytes in base64: the server refuses to start`,
        `set ${GENERATE}`,
      );
    const distinct = new Set(key).size;
    if (!looksRandom(key))
      return problem(
        'master-key',
        `MASTER_KEY holds only ${distinct} distinct byte value${distinct === 1 ? '' : 's'} of 32: it was not drawn at random (a pattern is guessed first)`,
        `set ${GENERATE}; a new key cannot open the issuer keys sealed under the old one, so rotate before issuing`,
      );
    return ok('master-key', `MASTER_KEY is set: ${MASTER_KEY_BYTES} bytes, random-looking`);
  }
  if (options.keyFile?.content !== undefined) {
    return warning(
      'master-key',
      `MASTER_KEY is not set: the development key in ${options.keyFile.path} is used (production refuses to start without MASTER_KEY)`,
      `keep the same key (the issuer keys are sealed under it): set MASTER_KEY=$(cat ${options.keyFile.path}) in a secret manager, then remove the file`,
    );
  }
  return problem(
    'master-key',
    'MASTER_KEY is not set: production refuses to start without it',
    `set ${GENERATE}`,
  );
}
