import { ErrorCode, MicrocredError } from '../error/index.js';
import { isRecord, type JsonObject } from '../json/index.js';

/**
 * The most duplicate checks jsonld.js's node map may make, in comparisons. Its `createNodeMap` adds
 * every value with `allowDuplicate: false`, a linear scan of the values already held by the same
 * subject and property, so one property with n values costs n²/2 comparisons: 4,096 values take about
 * 0.35 s, 16,000 about 5 s. The limit is one property of 4,096 values; a real credential has tens.
 */
export const MAX_NODE_MAP_WORK = 4096 ** 2 / 2;

type Json = unknown;

function asArray(value: Json): Json[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * Refuses, before jsonld.js builds its node map, an expanded document whose duplicate checks would
 * exceed {@link MAX_NODE_MAP_WORK}. It counts the values each (subject, property) pair will hold the
 * way the node map merges them: nodes with the same `@id` are one subject wherever they appear, and a
 * `@reverse` value adds to the referenced node. Graph names are ignored, which can only overcount.
 * Only the reference path needs this: the fast path builds its dataset without that scan.
 *
 * @param expanded the output of jsonld.js `expand` (aliases resolved, so `@id` is the only id key)
 * @throws MicrocredError RANGE_ERROR when the work is over the limit.
 */
export function assertBoundedNodeMapWork(expanded: Json): void {
  const counts = new Map<string, number>();
  let unlabelled = 0;
  let work = 0;

  const add = (subject: string, property: string) => {
    const key = `${subject} ${property}`;
    const held = counts.get(key) ?? 0;
    counts.set(key, held + 1);
    work += held;
    if (work > MAX_NODE_MAP_WORK) {
      throw new MicrocredError(
        ErrorCode.RANGE_ERROR,
        `canonicalization refused: the document puts too many values on one property of one node for the reference JSON-LD processor (more than ${MAX_NODE_MAP_WORK} duplicate checks)`,
      );
    }
  };

  const subjectOf = (node: JsonObject) => {
    const id = node['@id'];
    // An unlabelled blank node gets a fresh label of its own; the space cannot occur in an IRI.
    return typeof id === 'string' ? id : `_: ${unlabelled++}`;
  };

  const visit = (item: Json): void => {
    if (Array.isArray(item)) {
      for (const member of item) visit(member);
      return;
    }
    if (!isRecord(item) || '@value' in item) return;
    if ('@list' in item) {
      visit(item['@list']);
      return;
    }
    const subject = subjectOf(item);
    for (const [property, value] of Object.entries(item)) {
      if (property === '@reverse' && isRecord(value)) {
        for (const [reverseProperty, items] of Object.entries(value)) {
          for (const reverseItem of asArray(items)) {
            if (!isRecord(reverseItem)) continue;
            add(subjectOf(reverseItem), reverseProperty);
            visit(reverseItem);
          }
        }
        continue;
      }
      if (property === '@graph' || property === '@included') {
        visit(value);
        continue;
      }
      if (property !== '@type' && property.startsWith('@')) continue;
      for (const member of asArray(value)) {
        add(subject, property);
        visit(member);
      }
    }
  };

  visit(expanded);
}
