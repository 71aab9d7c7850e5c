import { hash as digest } from 'node:crypto';
import type { Quad } from './rdf-quad.js';

const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

// N-Quads escaping exactly as rdf-canonize 5 writes it (NQuads.js): UCHAR for the characters an
// IRIREF may not hold; ECHAR where N-Quads has one, else UCHAR, for a string literal's.
// biome-ignore lint/suspicious/noControlCharactersInRegex: N-Quads escapes control characters
const IRI_ESCAPED = /[\u0000-\u0020<>"{}|^`\\]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: N-Quads escapes control characters
const IRI_ESCAPED_ALL = /[\u0000-\u0020<>"{}|^`\\]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: N-Quads escapes control characters
const LITERAL_ESCAPED = /[\u0000-\u001F\u007F"\\]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: N-Quads escapes control characters
const LITERAL_ESCAPED_ALL = /[\u0000-\u001F\u007F"\\]/g;
const ECHAR: Readonly<Record<string, string>> = {
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\f': '\\f',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\',
};

function uchar(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `compute`, remembered by its argument in a table of at most `limit` entries that is emptied when full:
 * what it remembers (predicates, types, datatypes, recurring statements) recurs in every credential, so a
 * full table means a burst of one-offs rather than a working set worth keeping.
 */
function remembered(compute: (value: string) => string, limit = 4096): (value: string) => string {
  const table = new Map<string, string>();
  return (value) => {
    let result = table.get(value);
    if (result === undefined) {
      result = compute(value);
      if (table.size >= limit) table.clear();
      table.set(value, result);
    }
    return result;
  };
}

/** An IRI as N-Quads writes it, not remembered (for strings that differ from document to document). */
export function iriText(value: string): string {
  return IRI_ESCAPED.test(value) ? `<${value.replace(IRI_ESCAPED_ALL, uchar)}>` : `<${value}>`;
}

/** An IRI as N-Quads writes it, remembered: the same IRI is the same string, which compares at once. */
export const iri = remembered(iriText);

/** A predicate as it sits in a line, with the spaces around it, remembered as {@link iri} is. */
export const predicateText = remembered((value) => ` ${iriText(value)} `);

export function literalText(value: string): string {
  return LITERAL_ESCAPED.test(value)
    ? value.replace(LITERAL_ESCAPED_ALL, (character) => ECHAR[character] ?? uchar(character))
    : value;
}

/** What N-Quads writes after a literal's quoted value: its language tag or datatype, if any. */
export function literalSuffix(literal: {
  readonly datatype: { readonly value: string };
  readonly language?: string;
}): string {
  const datatype = literal.datatype.value;
  if (datatype === RDF_LANG_STRING) return literal.language ? `@${literal.language}` : '';
  return datatype === XSD_STRING ? '' : `^^${iri(datatype)}`;
}

/** An object term as N-Quads writes it (a blank node with its label as it is). */
export function objectText(object: Quad['object']): string {
  if (object.termType === 'NamedNode') return iri(object.value);
  if (object.termType === 'BlankNode') return `_:${object.value}`;
  return `"${literalText(object.value)}"${literalSuffix(object)}`;
}

/**
 * A quad written once: its terms as N-Quads text, with the blank node labels kept apart so they can
 * be written as `_:a`/`_:z` for hashing and as canonical labels for the output.
 */
export interface WrittenQuad {
  readonly subject: string;
  readonly subjectLabel: string | undefined;
  /** The predicate with the spaces around it: ` <iri> `. */
  readonly predicate: string;
  /**
   * The rest of the line after the predicate (object, graph, ` .\n`) when neither the object nor the
   * graph is a blank node.
   */
  readonly rest: string | undefined;
  /** The object, empty when it is a blank node. */
  readonly object: string;
  readonly objectLabel: string | undefined;
  /** The graph with the space before it, empty for the default graph or a blank node. */
  readonly graph: string;
  readonly graphLabel: string | undefined;
}

/** The rest of a line after its predicate when neither its object nor its graph is a blank node. */
export function restOfLine(object: string, graph: string): string {
  return graph === '' ? `${object} .\n` : `${object}${graph} .\n`;
}

export function writeQuad(quad: Quad): WrittenQuad {
  const subjectLabel = quad.subject.termType === 'BlankNode' ? quad.subject.value : undefined;
  const objectLabel = quad.object.termType === 'BlankNode' ? quad.object.value : undefined;
  const graphLabel = quad.graph.termType === 'BlankNode' ? quad.graph.value : undefined;
  const object = objectLabel === undefined ? objectText(quad.object) : '';
  const graph = quad.graph.termType === 'NamedNode' ? ` ${iri(quad.graph.value)}` : '';
  return {
    subject: subjectLabel === undefined ? iri(quad.subject.value) : '',
    subjectLabel,
    predicate: predicateText(quad.predicate.value),
    rest: objectLabel === undefined && graphLabel === undefined ? restOfLine(object, graph) : undefined,
    object,
    objectLabel,
    graph,
    graphLabel,
  };
}

/** A blank node's label as the end of a line in the default graph, one string per label. */
const labelAtLineEnd = remembered((label) => `${label} .\n`, 1024);

/** The rest of the quad's line after its predicate, its blank nodes written as `label` says. */
function restWith(quad: WrittenQuad, label: (blankNode: string) => string): string {
  if (quad.rest !== undefined) return quad.rest;
  const object = quad.objectLabel === undefined ? quad.object : label(quad.objectLabel);
  if (quad.graphLabel !== undefined) return `${object} ${label(quad.graphLabel)} .\n`;
  return quad.graph === '' ? labelAtLineEnd(object) : `${object}${quad.graph} .\n`;
}

/**
 * N-Quads lines in code-unit order, compared subject, predicate, then the rest of the line rather than
 * as whole lines. Both orders agree: where one subject or predicate is a proper prefix of another
 * (`_:c14n1` and `_:c14n10`) the shorter line goes on with a space, which sorts before anything a term
 * can go on with. Terms of one statement shape are the same strings, which compare at once.
 */
function sortedText(
  subjects: readonly string[],
  predicates: readonly string[],
  rests: readonly string[],
  lastOrder?: number[],
): string {
  // Starting from the order the last dataset of the same shape sorted into, the sort mostly finds runs
  // already in order (TimSort), and the result is the same from any start.
  const order: number[] =
    lastOrder !== undefined && lastOrder.length === subjects.length ? lastOrder.slice() : [];
  if (order.length === 0) for (let index = 0; index < subjects.length; index++) order.push(index);
  order.sort((a, b) => {
    const subjectA = subjects[a] as string;
    const subjectB = subjects[b] as string;
    if (subjectA !== subjectB) return subjectA < subjectB ? -1 : 1;
    const predicateA = predicates[a] as string;
    const predicateB = predicates[b] as string;
    if (predicateA !== predicateB) return predicateA < predicateB ? -1 : 1;
    const restA = rests[a] as string;
    const restB = rests[b] as string;
    return restA === restB ? 0 : restA < restB ? -1 : 1;
  });
  if (lastOrder !== undefined) {
    lastOrder.length = 0;
    lastOrder.push(...order);
  }
  // The text is joined from its terms once: lines concatenated first would be copied again by the join.
  const parts: string[] = [];
  for (const index of order) {
    parts.push(subjects[index] as string, predicates[index] as string, rests[index] as string);
  }
  return parts.join('');
}

/** §4.6 steps 3–4: the blank node's quads with itself written `_:a` and every other blank node `_:z`, sorted. */
function firstDegreeText(quads: readonly WrittenQuad[], self: string): string {
  const subjects: string[] = [];
  const predicates: string[] = [];
  const rests: string[] = [];
  const label = (blankNode: string) => (blankNode === self ? '_:a' : '_:z');
  for (const quad of quads) {
    const subjectLabel = quad.subjectLabel;
    subjects.push(subjectLabel === undefined ? quad.subject : label(subjectLabel));
    predicates.push(quad.predicate);
    rests.push(restWith(quad, label));
  }
  return sortedText(subjects, predicates, rests);
}

const canonicalLabels: string[] = [];

/** `_:c14n<n>`, one string per n: the subjects of a blank node's statements then compare at once. */
function canonicalLabel(index: number): string {
  let label = canonicalLabels[index];
  if (label === undefined) {
    label = `_:c14n${index}`;
    if (index < 1024) canonicalLabels[index] = label;
  }
  return label;
}

// The same statements hash the same in every credential that holds them (an achievement's alignments,
// criteria, …): hashes are remembered by their input.
// One-shot hashing: no Hash object per blank node (strings are hashed as UTF-8).
const sha256Hex = remembered((input) => digest('sha256', input, 'hex'));

function addBlankNode(quadsOf: Map<string, WrittenQuad[]>, label: string | undefined, quad: WrittenQuad) {
  if (label === undefined) return;
  const quads = quadsOf.get(label);
  if (quads === undefined) quadsOf.set(label, [quad]);
  // A quad naming the same blank node twice is listed once, as rdf-canonize's map of quads does.
  else if (quads[quads.length - 1] !== quad) quads.push(quad);
}

/**
 * RDFC-1.0 (W3C Recommendation, §4.4) for the datasets credentials produce: those in which every blank
 * node's first-degree hash (§4.6) is unique, so canonical labels follow from sorting those hashes and no
 * N-degree hashing (§4.8) is needed. Returns the canonical N-Quads, byte-identical to rdf-canonize's
 * (same escaping, same code-unit sorts), or `undefined` when two blank nodes share a first-degree hash,
 * for the caller to hand the dataset to rdf-canonize.
 */
export function canonizeWithUniqueFirstDegreeHashes(dataset: readonly Quad[]): string | undefined {
  return canonizeWrittenQuads(dataset.map(writeQuad));
}

/**
 * {@link canonizeWithUniqueFirstDegreeHashes} for quads already written (a shape template's).
 * `lastOrder`, kept by the caller for datasets of one shape, holds the order the last one's quads
 * sorted into: it is where this one's sort starts, and is updated to this one's.
 */
export function canonizeWrittenQuads(
  written: readonly WrittenQuad[],
  lastOrder?: number[],
): string | undefined {
  const quadsOf = new Map<string, WrittenQuad[]>();
  for (const quad of written) {
    addBlankNode(quadsOf, quad.subjectLabel, quad);
    addBlankNode(quadsOf, quad.objectLabel, quad);
    addBlankNode(quadsOf, quad.graphLabel, quad);
  }

  const labelByHash = new Map<string, string>();
  for (const [label, quads] of quadsOf) {
    const hash = sha256Hex(firstDegreeText(quads, label));
    if (labelByHash.has(hash)) return undefined;
    labelByHash.set(hash, label);
  }

  const canonical = new Map<string, string>();
  for (const hash of [...labelByHash.keys()].sort()) {
    canonical.set(labelByHash.get(hash) as string, canonicalLabel(canonical.size));
  }
  const subjects: string[] = [];
  const predicates: string[] = [];
  const rests: string[] = [];
  const label = (blankNode: string) => canonical.get(blankNode) as string;
  for (const quad of written) {
    const subjectLabel = quad.subjectLabel;
    subjects.push(subjectLabel === undefined ? quad.subject : label(subjectLabel));
    predicates.push(quad.predicate);
    rests.push(restWith(quad, label));
  }
  return sortedText(subjects, predicates, rests, lastOrder);
}
