/**
 * The subset of expanded JSON-LD (JSON-LD 1.1 API, Expansion Algorithm) the fast path produces, typed. It is what
 * jsonld.js's expansion would return for the same document, minus keys that do not reach RDF.
 */
export type ExpandedItem = ExpandedNode | ExpandedValue | ExpandedList;

/** A node object, or a node reference when it has only an `id`. */
export interface ExpandedNode {
  readonly kind: 'node';
  /** An absolute IRI or a blank node identifier (`_:x`); undefined for an unlabelled blank node. */
  readonly id: string | undefined;
  /** Expanded `@type` IRIs, duplicates kept as expansion keeps them. */
  readonly types: readonly string[];
  /** Expanded property IRI → values; an empty array still counts as an entry. */
  readonly properties: ReadonlyMap<string, readonly ExpandedItem[]>;
  /** Set only on the `{"@graph": [...]}` object a `@container: @graph` value is wrapped in. */
  readonly graph: readonly ExpandedNode[] | undefined;
}

/** A value object; `type` is a datatype IRI or `@json`. */
export interface ExpandedValue {
  readonly kind: 'value';
  readonly value: unknown;
  readonly type: string | undefined;
  readonly language: string | undefined;
}

/** A list object (`@container: @list`). */
export interface ExpandedList {
  readonly kind: 'list';
  readonly items: readonly ExpandedItem[];
}
