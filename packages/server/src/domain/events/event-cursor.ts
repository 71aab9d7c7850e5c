/**
 * A position in the event record: the writing transaction's id and the event's id, as `txid.id` ("0" for
 * the start). Events are read in this order, not by id alone: an id is taken at INSERT but seen at COMMIT,
 * so a lower id can become visible after a higher one; a transaction id below every running one cannot.
 */
export interface EventCursor {
  readonly txid: bigint;
  readonly id: bigint;
}

const CURSOR = /^(?:0|(\d{1,20})\.(\d{1,18}))$/;

export const START: EventCursor = { txid: 0n, id: 0n };

/** Whether `text` is a cursor (`0` or `txid.id`). */
export function isEventCursor(text: string): boolean {
  return CURSOR.test(text);
}

/** The cursor `text` names; the start for anything else (callers validate first). */
export function parseEventCursor(text: string | undefined): EventCursor {
  const match = text === undefined ? null : CURSOR.exec(text);
  if (match?.[1] === undefined || match[2] === undefined) return START;
  return { txid: BigInt(match[1]), id: BigInt(match[2]) };
}

export function formatEventCursor(cursor: EventCursor): string {
  return cursor.txid === 0n && cursor.id === 0n ? '0' : `${cursor.txid}.${cursor.id}`;
}

/** Negative, zero or positive as `a` is before, at or after `b`. */
export function compareEventCursors(a: string, b: string): number {
  const left = parseEventCursor(a);
  const right = parseEventCursor(b);
  if (left.txid !== right.txid) return left.txid < right.txid ? -1 : 1;
  return left.id === right.id ? 0 : left.id < right.id ? -1 : 1;
}
