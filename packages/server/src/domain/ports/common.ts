/** A JSON object as stored in a `jsonb` column: the one `@microcred/vc` uses for documents. */
export type { JsonObject } from '@microcred/vc';

/** Offset paging for list methods. Repositories cap `limit` (see each port) so a caller cannot ask for everything. */
export interface Page {
  readonly limit?: number;
  readonly offset?: number;
}

/** An OB 3.0 `Image` reference: a URL or a `data:` URI, with an optional caption. */
export interface ImageRef {
  readonly id: string;
  readonly caption?: string;
}
