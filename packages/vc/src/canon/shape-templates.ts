import { randomBytes } from 'node:crypto';
import type { DocumentLoader } from '../contexts/index.js';
import { isPlainObject } from './is-plain-json.js';
import { jsonLdToRdf } from './json-ld-to-rdf.js';
import type { BlankNode, DefaultGraph, Literal, NamedNode, Quad } from './rdf-quad.js';
import {
  iri,
  iriText,
  literalSuffix,
  literalText,
  objectText,
  predicateText,
  restOfLine,
  type WrittenQuad,
  writeQuad,
} from './rdfc10-unique.js';

/*
 * Credentials from one issuer share a shape: the same keys, contexts, types and array lengths, with
 * other ids, names and dates. Their RDF datasets then differ only where those strings land. A template
 * remembers, for one shape, the dataset with a hole for each such string, so that the next credential
 * of that shape needs no JSON-LD expansion: its strings are written into the holes.
 *
 * What may vary is learnt, not assumed: every string of a document seen before is replaced by a
 * distinct probe IRI and the document expanded again; a probe that comes back verbatim as exactly one
 * literal is a literal hole, one that comes back verbatim only as IRIs (an id) is an IRI hole, anything
 * else (a vocabulary term, an IRI built from the string, a dropped value) keeps its string as part of
 * the shape. The template is kept only if writing the document's own strings into it gives back,
 * quad for quad, the dataset the full expansion gave.
 */

/** A string of the document that is not part of its shape, in document order. */
type Leaves = readonly string[];

interface Reading {
  /** Keys, contexts, types, numbers, booleans and array lengths: what selects a template. */
  readonly shape: string;
  readonly tokens: ShapeTokens;
  readonly leaves: Leaves;
}

const MAX_DEPTH = 64;
// Templates are for credential-sized documents: a larger one (a long CLR, say) is expanded as usual, so
// that the remembered shapes and templates stay small however many shapes are sent.
const MAX_TOKENS = 8192;

// Values of these keys are read as a whole into the shape: contexts and types decide what every other
// key means, and an `@`-keyword's string is never a plain value.
function isReadWhole(key: string, member: unknown): boolean {
  return key === '@context' || key === 'type' || (key.startsWith('@') && typeof member === 'string');
}

// A shape as tokens: a kind each, and for keys, whole strings and numbers their value. A document is
// matched against a known shape token by token, without writing its own shape out.
const OBJECT = 0;
const END_OBJECT = 1;
const ARRAY = 2;
const END_ARRAY = 3;
const KEY = 4;
const LEAF = 5;
const STRING = 6;
const NUMBER = 7;
const NULL = 8;
const TRUE = 9;
const FALSE = 10;

interface ShapeTokens {
  readonly kinds: readonly number[];
  readonly values: readonly (string | number | undefined)[];
}

/** Where the tokens of a walked document go: recorded, or compared with a known shape's. */
interface TokenSink {
  /** False stops the walk: the document is not of the shape. */
  token(kind: number, value?: string | number): boolean;
}

class TokenRecorder implements TokenSink {
  readonly kinds: number[] = [];
  readonly values: (string | number | undefined)[] = [];

  token(kind: number, value?: string | number): boolean {
    this.kinds.push(kind);
    this.values.push(value);
    return this.kinds.length <= MAX_TOKENS;
  }

  /** The tokens as one string no other token list writes the same (strings carry their length). */
  shape(): string {
    const parts: string[] = [];
    for (let index = 0; index < this.kinds.length; index++) {
      const value = this.values[index];
      parts.push(
        value === undefined
          ? String(this.kinds[index])
          : typeof value === 'number'
            ? `${this.kinds[index]}${Object.is(value, -0) ? '-0' : String(value)};`
            : `${this.kinds[index]}${value.length}:${value}`,
      );
    }
    return parts.join(',');
  }
}

class TokenMatcher implements TokenSink {
  private position = 0;

  constructor(private readonly expected: ShapeTokens) {}

  token(kind: number, value?: string | number): boolean {
    const position = this.position++;
    if (this.expected.kinds[position] !== kind) return false;
    return value === undefined || Object.is(this.expected.values[position], value);
  }

  get complete(): boolean {
    return this.position === this.expected.kinds.length;
  }
}

function walk(value: unknown, sink: TokenSink, leaves: string[] | undefined, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === 'string') {
    if (leaves === undefined) return sink.token(STRING, value);
    leaves.push(value);
    return sink.token(LEAF);
  }
  if (value === null) return sink.token(NULL);
  if (value === true) return sink.token(TRUE);
  if (value === false) return sink.token(FALSE);
  if (typeof value === 'number') return Number.isFinite(value) && sink.token(NUMBER, value);
  if (Array.isArray(value)) {
    if (!sink.token(ARRAY)) return false;
    for (let index = 0; index < value.length; index++) {
      if (!(index in value) || !walk(value[index], sink, leaves, depth + 1)) return false;
    }
    return sink.token(END_ARRAY);
  }
  if (!isPlainObject(value) || !sink.token(OBJECT)) return false;
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || !sink.token(KEY, key)) return false;
    const member = value[key];
    // Read whole (no leaves) where the value is part of the shape.
    const whole = leaves === undefined || isReadWhole(key, member);
    if (!walk(member, sink, whole ? undefined : leaves, depth + 1)) return false;
  }
  return sink.token(END_OBJECT);
}

/** The document's shape and leaves, or `undefined` for what JSON.parse cannot return. */
function read(document: object): Reading | undefined {
  const recorder = new TokenRecorder();
  const leaves: string[] = [];
  if (!walk(document, recorder, leaves, 0)) return undefined;
  return { shape: recorder.shape(), tokens: recorder, leaves };
}

/** The document's leaves if it has exactly the shape of `tokens`. */
function leavesIfShaped(document: object, tokens: ShapeTokens): string[] | undefined {
  const matcher = new TokenMatcher(tokens);
  const leaves: string[] = [];
  return walk(document, matcher, leaves, 0) && matcher.complete ? leaves : undefined;
}

/** A copy of `value` with leaf `index` replaced by `replace(index)` where that returns a string. */
function rewrite(
  value: unknown,
  replace: (index: number) => string | undefined,
  counter: { next: number },
): unknown {
  if (typeof value === 'string') {
    const index = counter.next++;
    return replace(index) ?? value;
  }
  if (Array.isArray(value)) return value.map((item) => rewrite(item, replace, counter));
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = value[key];
    copy[key] = isReadWhole(key, member) ? member : rewrite(member, replace, counter);
  }
  return copy;
}

/** jsonld.js's test for an absolute IRI (url.js `isAbsolute`), which it applies to every IRI it emits. */
const ABSOLUTE_IRI = /^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$/;

interface IriHole {
  readonly leaf: number;
  /** The scheme of the string the template was learnt from, with its `:`. */
  readonly scheme: string;
  /** Whether `//` follows the scheme: a compact IRI is never expanded when it does. */
  readonly hierarchical: boolean;
}

type TemplateSubject = NamedNode | BlankNode | IriHole;
type TemplateObject = NamedNode | BlankNode | Literal | IriHole | LiteralHole;
type TemplateGraph = NamedNode | BlankNode | DefaultGraph | IriHole;

interface LiteralHole {
  readonly literalLeaf: number;
  readonly datatype: NamedNode;
  readonly language?: string;
}

/** A quad of the template: as it is, or with holes (only those can come out equal to another quad). */
type TemplateQuad =
  | { readonly holed: false; readonly quad: Quad }
  | {
      readonly holed: true;
      readonly subject: TemplateSubject;
      readonly predicate: NamedNode;
      readonly object: TemplateObject;
      readonly graph: TemplateGraph;
    };

/**
 * A template quad written as N-Quads: whole when it has no hole, else its fixed text with the leaf of
 * each hole (an IRI, or a literal with the language or datatype written after it).
 */
type WrittenTemplateQuad =
  | { readonly whole: WrittenQuad }
  | {
      readonly whole: undefined;
      readonly subject: string;
      readonly subjectLeaf: number | undefined;
      readonly subjectLabel: string | undefined;
      readonly predicate: string;
      readonly object: string;
      readonly objectLeaf: number | undefined;
      /** Set when the object is a literal hole. */
      readonly objectSuffix: string | undefined;
      readonly objectLabel: string | undefined;
      readonly graph: string;
      readonly graphLeaf: number | undefined;
      readonly graphLabel: string | undefined;
    };

export interface ShapeTemplate {
  /** Leaves that are part of the shape after all, with the string each must hold. */
  readonly fixed: readonly (readonly [number, string])[];
  readonly iriHoles: readonly IriHole[];
  readonly quads: readonly WrittenTemplateQuad[];
  /**
   * Pairs of quads (indexes into `quads`) that some strings could make equal, which the expansion
   * merges into one: of a pair that came out equal, the filled dataset keeps the first.
   */
  readonly mergeablePairs: readonly (readonly [number, number])[];
  /** The order the last filled dataset's quads sorted into, for the next one's sort to start from. */
  readonly lastCanonicalOrder: number[];
}

function isIriHole(term: object): term is IriHole {
  return 'leaf' in term;
}

function isLiteralHole(term: object): term is LiteralHole {
  return 'literalLeaf' in term;
}

type TemplateTerm = TemplateSubject | TemplateObject | TemplateGraph;

/** Whether some strings could make the two terms equal. */
function mayEqual(a: TemplateTerm, b: TemplateTerm): boolean {
  const iriA = isIriHole(a);
  const iriB = isIriHole(b);
  if (iriA || iriB) {
    if (iriA && iriB) return true;
    const other = (iriA ? b : a) as Quad['object'];
    return !isLiteralHole(other) && other.termType === 'NamedNode';
  }
  const literalA = isLiteralHole(a);
  const literalB = isLiteralHole(b);
  if (literalA || literalB) {
    const hole = (literalA ? a : b) as LiteralHole;
    const other = (literalA ? b : a) as LiteralHole | Quad['object'];
    const datatype = isLiteralHole(other)
      ? other.datatype.value
      : other.termType === 'Literal'
        ? other.datatype.value
        : undefined;
    const language = isLiteralHole(other)
      ? other.language
      : other.termType === 'Literal'
        ? other.language
        : undefined;
    return datatype === hole.datatype.value && language === hole.language;
  }
  return sameTerm(a as Quad['object'], b as Quad['object']);
}

function sameTerm(a: Quad['object'] | Quad['graph'], b: Quad['object'] | Quad['graph']): boolean {
  if (a.termType !== b.termType || a.value !== b.value) return false;
  if (a.termType !== 'Literal' || b.termType !== 'Literal') return true;
  return a.datatype.value === b.datatype.value && a.language === b.language;
}

function termsOf(quad: TemplateQuad): readonly [TemplateTerm, NamedNode, TemplateTerm, TemplateTerm] {
  return quad.holed
    ? [quad.subject, quad.predicate, quad.object, quad.graph]
    : [quad.quad.subject, quad.quad.predicate, quad.quad.object, quad.quad.graph];
}

function mergeablePairsOf(quads: readonly TemplateQuad[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < quads.length; i++) {
    const quad = quads[i] as TemplateQuad;
    if (!quad.holed) continue;
    const [subject, predicate, object, graph] = termsOf(quad);
    for (let j = 0; j < quads.length; j++) {
      const other = quads[j] as TemplateQuad;
      // A pair of holed quads is listed once.
      if (j === i || (other.holed && j < i)) continue;
      const [otherSubject, otherPredicate, otherObject, otherGraph] = termsOf(other);
      if (
        predicate.value === otherPredicate.value &&
        mayEqual(subject, otherSubject) &&
        mayEqual(object, otherObject) &&
        mayEqual(graph, otherGraph)
      ) {
        pairs.push([i, j]);
      }
    }
  }
  return pairs;
}

function sameWritten(a: WrittenQuad, b: WrittenQuad): boolean {
  return (
    a.object === b.object &&
    a.predicate === b.predicate &&
    a.rest === b.rest &&
    a.subject === b.subject &&
    a.subjectLabel === b.subjectLabel &&
    a.objectLabel === b.objectLabel &&
    a.graph === b.graph &&
    a.graphLabel === b.graphLabel
  );
}

/** A written quad as one string, for comparing datasets as sets. */
export function writtenKey(quad: WrittenQuad): string {
  return [
    quad.subject,
    quad.subjectLabel,
    quad.predicate,
    quad.object,
    quad.objectLabel,
    quad.graph,
    quad.graphLabel,
  ].join('\u0000');
}

/**
 * The written dataset of a document of the template's shape, or `undefined` when its strings would not
 * land where the template says (a fixed leaf differs, or an id is not an absolute IRI of the same kind).
 */
export function fillTemplate(template: ShapeTemplate, leaves: Leaves): WrittenQuad[] | undefined {
  for (const [leaf, value] of template.fixed) if (leaves[leaf] !== value) return undefined;
  for (const hole of template.iriHoles) {
    const value = leaves[hole.leaf] as string;
    if (!value.startsWith(hole.scheme) || !ABSOLUTE_IRI.test(value)) return undefined;
    if (value.startsWith('//', hole.scheme.length) !== hole.hierarchical) return undefined;
  }
  // A document's own ids recur (the credential's as the subject of each of its statements): each leaf is
  // written as an IRI once.
  const iris: (string | undefined)[] = [];
  const iriOf = (leaf: number): string => {
    let text = iris[leaf];
    if (text === undefined) {
      text = iriText(leaves[leaf] as string);
      iris[leaf] = text;
    }
    return text;
  };
  const written: WrittenQuad[] = [];
  for (const quad of template.quads) {
    if (quad.whole !== undefined) {
      written.push(quad.whole);
      continue;
    }
    const subject = quad.subjectLeaf === undefined ? quad.subject : iriOf(quad.subjectLeaf);
    let object = quad.object;
    if (quad.objectLeaf !== undefined) {
      object =
        quad.objectSuffix === undefined
          ? iriOf(quad.objectLeaf)
          : `"${literalText(leaves[quad.objectLeaf] as string)}"${quad.objectSuffix}`;
    }
    const graph = quad.graphLeaf === undefined ? quad.graph : ` ${iriOf(quad.graphLeaf)}`;
    written.push({
      subject,
      subjectLabel: quad.subjectLabel,
      predicate: quad.predicate,
      rest:
        quad.objectLabel === undefined && quad.graphLabel === undefined
          ? restOfLine(object, graph)
          : undefined,
      object,
      objectLabel: quad.objectLabel,
      graph,
      graphLabel: quad.graphLabel,
    });
  }
  // Two nodes with one id are one node to the expansion, and a value given twice is one value: of two
  // quads that came out equal, the dataset holds one. The second of a pair is dropped; the first holed
  // quad of equal ones is the second of none, so one of them is always kept.
  const dropped = new Set<number>();
  for (const [i, j] of template.mergeablePairs) {
    if (sameWritten(written[i] as WrittenQuad, written[j] as WrittenQuad)) dropped.add(j);
  }
  return dropped.size === 0 ? written : written.filter((_, index) => !dropped.has(index));
}

/** A template quad written once, for {@link fillTemplate}. */
function writeTemplateQuad(quad: TemplateQuad): WrittenTemplateQuad {
  if (!quad.holed) return { whole: writeQuad(quad.quad) };
  const { subject, object, graph } = quad;
  const blank = (term: TemplateTerm) =>
    !isIriHole(term) && !isLiteralHole(term) && term.termType === 'BlankNode' ? term.value : undefined;
  let objectText_ = '';
  if (!isIriHole(object) && !isLiteralHole(object) && object.termType !== 'BlankNode')
    objectText_ = objectText(object);
  return {
    whole: undefined,
    subject: isIriHole(subject) || subject.termType === 'BlankNode' ? '' : iri(subject.value),
    subjectLeaf: isIriHole(subject) ? subject.leaf : undefined,
    subjectLabel: blank(subject),
    predicate: predicateText(quad.predicate.value),
    object: objectText_,
    objectLeaf: isIriHole(object) ? object.leaf : isLiteralHole(object) ? object.literalLeaf : undefined,
    objectSuffix: isLiteralHole(object) ? literalSuffix(object) : undefined,
    objectLabel: blank(object),
    graph: isIriHole(graph) || graph.termType !== 'NamedNode' ? '' : ` ${iri(graph.value)}`,
    graphLeaf: isIriHole(graph) ? graph.leaf : undefined,
    graphLabel: blank(graph),
  };
}

/** What a probe run says of each leaf: where its probe came back. */
interface ProbeSighting {
  literals: number;
  iris: number;
  /** Inside a longer value, or in a datatype or language: the leaf shapes the dataset. */
  elsewhere: boolean;
}

class Prober {
  // A prefix no document holds by chance: a real string equal to a probe would be seen twice.
  private readonly prefix = `urn:x-microcred-probe:${randomBytes(9).toString('base64url')}:`;

  probe(leaf: number): string {
    return `${this.prefix}${leaf}`;
  }

  /** The leaf a whole value is the probe of, if it is one. */
  leafOf(value: string): number | undefined {
    if (!value.startsWith(this.prefix)) return undefined;
    const rest = value.slice(this.prefix.length);
    return /^\d+$/.test(rest) ? Number(rest) : undefined;
  }

  sightings(dataset: readonly Quad[], leafCount: number): ProbeSighting[] {
    const sightings = Array.from({ length: leafCount }, () => ({ literals: 0, iris: 0, elsewhere: false }));
    const note = (value: string, kind: 'literals' | 'iris' | 'elsewhere') => {
      if (!value.includes(this.prefix)) return;
      const whole = kind === 'elsewhere' ? undefined : this.leafOf(value);
      if (whole !== undefined && whole < leafCount) {
        (sightings[whole] as ProbeSighting)[kind as 'literals' | 'iris']++;
        return;
      }
      for (const match of value.matchAll(new RegExp(`${escapeRegExp(this.prefix)}(\\d+)`, 'g'))) {
        const leaf = Number(match[1]);
        if (leaf < leafCount) (sightings[leaf] as ProbeSighting).elsewhere = true;
      }
    };
    for (const quad of dataset) {
      note(quad.subject.value, quad.subject.termType === 'NamedNode' ? 'iris' : 'elsewhere');
      note(quad.predicate.value, 'elsewhere');
      const object = quad.object;
      if (object.termType === 'Literal') {
        note(object.value, 'literals');
        note(object.datatype.value, 'elsewhere');
        if (object.language !== undefined) note(object.language, 'elsewhere');
      } else {
        note(object.value, object.termType === 'NamedNode' ? 'iris' : 'elsewhere');
      }
      note(quad.graph.value, quad.graph.termType === 'NamedNode' ? 'iris' : 'elsewhere');
    }
    return sightings;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type HoleKind = 'literal' | 'iri' | 'fixed';

function classify(sighting: ProbeSighting, original: string): HoleKind {
  if (sighting.elsewhere) return 'fixed';
  if (sighting.literals === 1 && sighting.iris === 0) return 'literal';
  if (
    sighting.literals === 0 &&
    sighting.iris > 0 &&
    ABSOLUTE_IRI.test(original) &&
    !original.startsWith('_:')
  ) {
    return 'iri';
  }
  return 'fixed';
}

// The order of a dataset's quads follows its subjects' IRIs, which holes change; RDFC-1.0 reads a
// dataset as a set, so sets are compared (blank node labels follow the document's structure alone).
function sameQuads(a: readonly WrittenQuad[], b: readonly WrittenQuad[]): boolean {
  if (a.length !== b.length) return false;
  const left = a.map(writtenKey).sort();
  const right = b.map(writtenKey).sort();
  return left.every((key, index) => key === right[index]);
}

/**
 * Learns the template of `document`'s shape from `dataset`, its full expansion, by expanding it again
 * with probes for its strings. `undefined` when the shape cannot be templated (a probe run fails, or
 * the template does not give back `dataset`).
 */
async function learnTemplate(options: {
  readonly document: object;
  readonly reading: Reading;
  readonly dataset: readonly Quad[];
  readonly documentLoader: DocumentLoader;
  readonly prober: Prober;
}): Promise<ShapeTemplate | undefined> {
  const { document, reading, prober, documentLoader } = options;
  const leafCount = reading.leaves.length;
  const expandWith = async (probed: (leaf: number) => boolean) => {
    const probedDocument = rewrite(document, (leaf) => (probed(leaf) ? prober.probe(leaf) : undefined), {
      next: 0,
    }) as object;
    try {
      return await jsonLdToRdf({ document: probedDocument, documentLoader });
    } catch {
      return undefined;
    }
  };
  // First every leaf, to find which come back verbatim; then only those, so that a leaf that shapes
  // the dataset (a vocabulary value, say) holds its own string while the holes are confirmed.
  const everyProbe = await expandWith(() => true);
  if (everyProbe === undefined) return undefined;
  const first = prober.sightings(everyProbe, leafCount);
  const kinds = first.map((sighting, leaf) => classify(sighting, reading.leaves[leaf] as string));
  const holesOnly = await expandWith((leaf) => kinds[leaf] !== 'fixed');
  if (holesOnly === undefined) return undefined;
  const second = prober.sightings(holesOnly, leafCount);
  for (let leaf = 0; leaf < leafCount; leaf++) {
    const kind = kinds[leaf];
    if (
      kind !== 'fixed' &&
      classify(second[leaf] as ProbeSighting, reading.leaves[leaf] as string) !== kind
    ) {
      return undefined;
    }
  }

  const iriHoles = new Map<number, IriHole>();
  const iriHole = (leaf: number): IriHole => {
    let hole = iriHoles.get(leaf);
    if (hole === undefined) {
      const original = reading.leaves[leaf] as string;
      const scheme = original.slice(0, original.indexOf(':') + 1);
      hole = { leaf, scheme, hierarchical: original.startsWith('//', scheme.length) };
      iriHoles.set(leaf, hole);
    }
    return hole;
  };
  const holeOf = (term: NamedNode): IriHole | undefined => {
    const leaf = prober.leafOf(term.value);
    return leaf === undefined ? undefined : iriHole(leaf);
  };
  const quads: TemplateQuad[] = [];
  for (const quad of holesOnly) {
    const subject =
      quad.subject.termType === 'NamedNode' ? (holeOf(quad.subject) ?? quad.subject) : quad.subject;
    let object: TemplateObject = quad.object;
    if (quad.object.termType === 'NamedNode') object = holeOf(quad.object) ?? quad.object;
    else if (quad.object.termType === 'Literal') {
      const leaf = prober.leafOf(quad.object.value);
      if (leaf !== undefined) {
        object =
          quad.object.language === undefined
            ? { literalLeaf: leaf, datatype: quad.object.datatype }
            : { literalLeaf: leaf, datatype: quad.object.datatype, language: quad.object.language };
      }
    }
    const graph = quad.graph.termType === 'NamedNode' ? (holeOf(quad.graph) ?? quad.graph) : quad.graph;
    if (subject !== quad.subject || object !== quad.object || graph !== quad.graph) {
      quads.push({ holed: true, subject, predicate: quad.predicate, object, graph });
    } else {
      quads.push({ holed: false, quad });
    }
  }
  const fixed: (readonly [number, string])[] = [];
  kinds.forEach((kind, leaf) => {
    if (kind === 'fixed') fixed.push([leaf, reading.leaves[leaf] as string]);
  });
  const template: ShapeTemplate = {
    fixed,
    iriHoles: [...iriHoles.values()],
    quads: quads.map(writeTemplateQuad),
    mergeablePairs: mergeablePairsOf(quads),
    lastCanonicalOrder: [],
  };
  const refilled = fillTemplate(template, reading.leaves);
  return refilled !== undefined && sameQuads(refilled, options.dataset.map(writeQuad)) ? template : undefined;
}

interface ShapeEntry {
  readonly tokens: ShapeTokens;
  sightings: number;
  /** A template is being learnt (documents canonized at once learn it once). */
  learning: boolean;
  readonly templates: ShapeTemplate[];
  failures: number;
}

// Bounds: shapes remembered per document loader, templates per shape (documents of one shape that
// differ in a fixed leaf, e.g. a vocabulary value), failed attempts per shape before giving up on it.
const MAX_SHAPES = 128;
const MAX_TEMPLATES_PER_SHAPE = 4;
const MAX_FAILURES_PER_SHAPE = 2;
const MAX_RECENT_SHAPES = 4;

/** A document's dataset written from a template, with the order its last dataset sorted into. */
export interface Templated {
  readonly written: WrittenQuad[];
  readonly lastOrder: number[];
}

function filled(entry: ShapeEntry, leaves: Leaves): Templated | undefined {
  for (const template of entry.templates) {
    const written = fillTemplate(template, leaves);
    if (written !== undefined) return { written, lastOrder: template.lastCanonicalOrder };
  }
  return undefined;
}

/**
 * Templates per document loader (contexts are what a loader serves, so a template learnt with one
 * loader is never used with another). A shape is learnt the second time it is seen: a one-off
 * document costs nothing more than its expansion.
 */
export class ShapeTemplates {
  private readonly byLoader = new WeakMap<DocumentLoader, Map<string, ShapeEntry>>();
  // The shapes that last gave a template, per loader, tried first by matching a document against their
  // tokens: cheaper than writing the document's shape out to look it up.
  private readonly recentByLoader = new WeakMap<DocumentLoader, ShapeEntry[]>();
  private readonly prober = new Prober();

  private shapes(documentLoader: DocumentLoader): Map<string, ShapeEntry> {
    let shapes = this.byLoader.get(documentLoader);
    if (shapes === undefined) {
      shapes = new Map();
      this.byLoader.set(documentLoader, shapes);
    }
    return shapes;
  }

  /** The document's dataset, written, from a template; and its reading, for {@link learn} when there is none. */
  writtenQuadsOf(
    document: object,
    documentLoader: DocumentLoader,
  ): { readonly templated: Templated | undefined; readonly reading: Reading | undefined } {
    const recent = this.recentByLoader.get(documentLoader);
    if (recent !== undefined) {
      for (const [index, entry] of recent.entries()) {
        const leaves = leavesIfShaped(document, entry.tokens);
        if (leaves === undefined) continue;
        const templated = filled(entry, leaves);
        if (templated === undefined) break;
        if (index > 0) recent.unshift(...recent.splice(index, 1));
        return { templated, reading: undefined };
      }
    }
    const reading = read(document);
    if (reading === undefined) return { templated: undefined, reading };
    const entry = this.shapes(documentLoader).get(reading.shape);
    const templated = entry === undefined ? undefined : filled(entry, reading.leaves);
    if (entry !== undefined && templated !== undefined) this.remember(documentLoader, entry);
    return { templated, reading };
  }

  private entryFor(reading: Reading, documentLoader: DocumentLoader): ShapeEntry {
    const shapes = this.shapes(documentLoader);
    let entry = shapes.get(reading.shape);
    if (entry === undefined) {
      if (shapes.size >= MAX_SHAPES) {
        shapes.clear();
        this.recentByLoader.delete(documentLoader);
      }
      entry = { tokens: reading.tokens, sightings: 0, learning: false, templates: [], failures: 0 };
      shapes.set(reading.shape, entry);
    }
    return entry;
  }

  private remember(documentLoader: DocumentLoader, entry: ShapeEntry): void {
    let recent = this.recentByLoader.get(documentLoader);
    if (recent === undefined) {
      recent = [];
      this.recentByLoader.set(documentLoader, recent);
    }
    const index = recent.indexOf(entry);
    if (index >= 0) recent.splice(index, 1);
    recent.unshift(entry);
    if (recent.length > MAX_RECENT_SHAPES) recent.pop();
  }

  /** Remembers a document expanded in full; learns its shape's template on its second sighting. */
  async learn(options: {
    readonly document: object;
    readonly reading: Reading;
    readonly dataset: readonly Quad[];
    readonly documentLoader: DocumentLoader;
  }): Promise<void> {
    const entry = this.entryFor(options.reading, options.documentLoader);
    entry.sightings++;
    if (entry.sightings < 2 || entry.templates.length >= MAX_TEMPLATES_PER_SHAPE) return;
    if (entry.failures >= MAX_FAILURES_PER_SHAPE || entry.learning) return;
    entry.learning = true;
    const template = await learnTemplate({ ...options, prober: this.prober }).finally(() => {
      entry.learning = false;
    });
    if (template === undefined) entry.failures++;
    else {
      entry.templates.push(template);
      this.remember(options.documentLoader, entry);
    }
  }
}
