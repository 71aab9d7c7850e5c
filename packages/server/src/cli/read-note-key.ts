import { existsSync } from 'node:fs';
import { isMicrocredError } from '@microcred/vc';
import { readBytes, UsageError } from './cli-io.js';

/**
 * A note key given on the command line: the key text itself (`name+hex id+base64`), or a file holding it
 * (as `GET /log/key` serves it). `check` parses it, so a bad key is a usage error before anything runs.
 */
export function readNoteKey(value: string, flag: string, check: (key: string) => unknown): string {
  const text = existsSync(value) ? new TextDecoder().decode(readBytes(value)).trim() : value.trim();
  try {
    check(text);
  } catch (error) {
    if (isMicrocredError(error)) throw new UsageError(`${flag}: ${error.message}`, { cause: error });
    throw error;
  }
  return text;
}
