/**
 * Thrown inside the fast path when a document uses JSON-LD it does not implement, or that the reference
 * would reject or warn about in safe mode. It never leaves the canonizer: the whole document then goes
 * to the reference path, which produces either the same N-Quads or the exact error.
 */
export class UnsupportedJsonLd extends Error {
  override readonly name = 'UnsupportedJsonLd';
}
