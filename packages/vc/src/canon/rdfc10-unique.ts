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

// Predicates, types and datatypes recur in every credential: their written form is remembered.
const MAX_REMEMBERED_IRIS = 4096;
const writtenIris = new Map<string, string>();

/** An IRI as N-Quads writes it, not remembered (for strings that differ from document to document). */
export function iriText(value: string): string {
  return IRI_ESCAPED.test(value) ? `<${value.replace(IRI_ESCAPED_ALL, uchar)}>` : `<${value}>`;
}

function iri(value: string): string {
  let written = writtenIris.get(value);
  if (written === undefined) {
    written = iriText(value);
    if (writtenIris.size >= MAX_REMEMBERED_IRIS) writtenIris.clear();
    writtenIris.set(value, written);
  }
  return written;
}

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
  /** The whole line when the quad holds no blank node. */
  readonly line: string | undefined;
  readonly subject: string;
  readonly subjectLabel: string | undefined;
  readonly middle: string;
  readonly objectLabel: string | undefined;
  readonly graph: string;
  readonly graphLabel: string | undefined;
}

export function writeQuad(quad: Quad): WrittenQuad {
  const subjectLabel = quad.subject.termType === 'BlankNode' ? quad.subject.value : undefined;
  const objectLabel = quad.object.termType === 'BlankNode' ? quad.object.value : undefined;
  const graphLabel = quad.graph.termType === 'BlankNode' ? quad.graph.value : undefined;
  const subject = subjectLabel === undefined ? iri(quad.subject.value) : '';
  const middle = ` ${iri(quad.predicate.value)} ${objectLabel === undefined ? objectText(quad.object) : ''}`;
  const graph = quad.graph.termType === 'NamedNode' ? ` ${iri(quad.graph.value)}` : '';
  const whole =
    subjectLabel === undefined && objectLabel === undefined && graphLabel === undefined
      ? `${subject}${middle}${graph} .\n`
      : undefined;
  return { line: whole, subject, subjectLabel, middle, objectLabel, graph, graphLabel };
}

function line(quad: WrittenQuad, canonical: ReadonlyMap<string, string>): string {
  if (quad.line !== undefined) return quad.line;
  const subject =
    quad.subjectLabel === undefined ? quad.subject : `_:${canonical.get(quad.subjectLabel) as string}`;
  const object = quad.objectLabel === undefined ? '' : `_:${canonical.get(quad.objectLabel) as string}`;
  const graph = quad.graphLabel === undefined ? quad.graph : ` _:${canonical.get(quad.graphLabel) as string}`;
  return `${subject}${quad.middle}${object}${graph} .\n`;
}

/** §4.6 step 3.1: the quad with `self` written `_:a` and every other blank node `_:z`. */
function firstDegreeLine(quad: WrittenQuad, self: string): string {
  if (quad.line !== undefined) return quad.line;
  const subjectLabel = quad.subjectLabel;
  const subject = subjectLabel === undefined ? quad.subject : subjectLabel === self ? '_:a' : '_:z';
  const objectLabel = quad.objectLabel;
  const object = objectLabel === undefined ? '' : objectLabel === self ? '_:a' : '_:z';
  const graphLabel = quad.graphLabel;
  const graph = graphLabel === undefined ? quad.graph : graphLabel === self ? ' _:a' : ' _:z';
  return `${subject}${quad.middle}${object}${graph} .\n`;
}

// The same statements hash the same in every credential that holds them (an achievement's alignments,
// criteria, …): hashes are remembered by their input.
const MAX_REMEMBERED_HASHES = 4096;
const rememberedHashes = new Map<string, string>();

function sha256Hex(input: string): string {
  let hash = rememberedHashes.get(input);
  if (hash === undefined) {
    // One-shot hashing: no Hash object per blank node (strings are hashed as UTF-8).
    hash = digest('sha256', input, 'hex');
    if (rememberedHashes.size >= MAX_REMEMBERED_HASHES) rememberedHashes.clear();
    rememberedHashes.set(input, hash);
  }
  return hash;
}

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

/** {@link canonizeWithUniqueFirstDegreeHashes} for quads already written (a shape template's). */
export function canonizeWrittenQuads(written: readonly WrittenQuad[]): string | undefined {
  const quadsOf = new Map<string, WrittenQuad[]>();
  for (const quad of written) {
    addBlankNode(quadsOf, quad.subjectLabel, quad);
    addBlankNode(quadsOf, quad.objectLabel, quad);
    addBlankNode(quadsOf, quad.graphLabel, quad);
  }

  const labelByHash = new Map<string, string>();
  for (const [label, quads] of quadsOf) {
    const lines: string[] = [];
    for (const quad of quads) lines.push(firstDegreeLine(quad, label));
    const hash = sha256Hex(lines.sort().join(''));
    if (labelByHash.has(hash)) return undefined;
    labelByHash.set(hash, label);
  }

  const canonical = new Map<string, string>();
  for (const hash of [...labelByHash.keys()].sort()) {
    canonical.set(labelByHash.get(hash) as string, `c14n${canonical.size}`);
  }
  const lines: string[] = [];
  for (const quad of written) lines.push(line(quad, canonical));
  return lines.sort().join('');
}
