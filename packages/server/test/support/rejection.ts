import { MicrocredError } from '@microcred/vc';

/** The MicrocredError a promise rejects with; fails the test if it resolves or rejects with something else. */
export async function rejection(promise: Promise<unknown>): Promise<MicrocredError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MicrocredError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}
