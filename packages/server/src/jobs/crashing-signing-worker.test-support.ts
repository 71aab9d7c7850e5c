// A signing worker for tests of the pool's crash handling: it dies while signing a document whose id
// is `urn:test:crash-always`, or `urn:test:crash-once:<token>` the first time any worker sees that token
// (the first to create the directory `<tmpdir>/microcred-crash-once-<token>` wins; the test removes it).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SigningOutcome, SigningTask } from '../domain/credential/signing-task.js';
import signInWorker from './signing-worker.js';

const CRASH_ONCE = 'urn:test:crash-once:';

function firstTime(token: string): boolean {
  try {
    mkdirSync(join(tmpdir(), `microcred-crash-once-${token}`));
    return true;
  } catch {
    return false;
  }
}

export default function crashOnRequest(task: SigningTask): Promise<SigningOutcome> {
  const { id } = JSON.parse(task.document) as { id?: unknown };
  const crash =
    id === 'urn:test:crash-always' ||
    (typeof id === 'string' && id.startsWith(CRASH_ONCE) && firstTime(id.slice(CRASH_ONCE.length)));
  if (!crash) return signInWorker(task);
  // The task is in flight: the pool sees its worker die mid-signature.
  process.exit(70);
}
