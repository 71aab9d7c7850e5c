import type { ExpandedItem, ExpandedNode, ExpandedValue } from './expanded-json-ld.js';
import type { BlankNode, DefaultGraph, NamedNode, Quad } from './rdf-quad.js';
import { toRdfLiteral } from './to-rdf-literal.js';
import { UnsupportedJsonLd } from './unsupported-json-ld.js';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDF_TYPE: NamedNode = { termType: 'NamedNode', value: `${RDF}type` };
const RDF_FIRST: NamedNode = { termType: 'NamedNode', value: `${RDF}first` };
const RDF_REST: NamedNode = { termType: 'NamedNode', value: `${RDF}rest` };
const RDF_NIL: NamedNode = { termType: 'NamedNode', value: `${RDF}nil` };
const DEFAULT_GRAPH: DefaultGraph = { termType: 'DefaultGraph', value: '' };
const DEFAULT_GRAPH_NAME = '@default';

export interface ExpandedToRdfOptions {
  /** The expanded top-level node object. */
  readonly node: ExpandedNode;
}

/** A value in the node map: a node named by its id or blank node label, a value, or a list. */
type MapValue =
  | { readonly kind: 'reference'; readonly name: string }
  | ExpandedValue
  | { readonly kind: 'list'; readonly items: readonly MapValue[] };

/** A property's values in the node map, and what jsonld.js `compareValues` compares for each. */
interface MapProperty {
  readonly values: MapValue[];
  /** The compare keys of `values`, made once a second value arrives: most properties have one. */
  keys: Set<string> | undefined;
}

/** A subject's entries; `@type` is kept apart from any explicit rdf:type property, as jsonld.js does. */
type MapSubject = Map<string, MapProperty>;

const TYPE_ENTRY = '@type';

function termFor(id: string): NamedNode | BlankNode {
  return id.startsWith('_:')
    ? { termType: 'BlankNode', value: id.slice(2) }
    : { termType: 'NamedNode', value: id };
}

/**
 * jsonld.js `compareValues` for one value: the same node, or the same `@value` (strictly: 1 and "1"
 * differ, 0 and -0 do not), `@type` and `@language`. Spaces separate the parts because none can occur
 * in an absolute IRI, a label or a language tag; the free-form value comes last. A list, and a JSON
 * literal holding an object, never compares equal (undefined).
 */
function compareKey(value: MapValue): string | undefined {
  if (value.kind === 'reference') return `i ${value.name}`;
  if (value.kind === 'list') return undefined;
  const literal = value.value;
  if (typeof literal === 'object' && literal !== null) return undefined;
  return `v ${typeof literal} ${value.type ?? '-'} ${value.language ?? '-'} ${String(literal)}`;
}

function keysOf(values: readonly MapValue[]): Set<string> {
  const keys = new Set<string>();
  for (const value of values) {
    const key = compareKey(value);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/**
 * Node Map Generation followed by the Deserialize JSON-LD to RDF Algorithm (JSON-LD 1.1 API), as
 * jsonld.js 9 runs them, down to the blank node labels it issues and the order of its quads: nodes
 * are visited with their properties in code-unit order, so labels come out in the same sequence;
 * graphs, subjects and properties are then written in sorted order, list nodes labelled as they are
 * written. A node met twice is merged, and a value already present for a subject and property is not
 * added again. RDFC-1.0's N-degree hashing (and so the work its limit counts) depends on quad order
 * and labels, so matching them exactly is what makes the same `maxWorkFactor` decide the same way.
 */
class NodeMap {
  private readonly graphs = new Map<string, Map<string, MapSubject>>([[DEFAULT_GRAPH_NAME, new Map()]]);
  private blankNodes = 0;
  private readonly relabelled = new Map<string, string>();

  /** jsonld.js IdentifierIssuer('_:b'): a fresh label, or the one already given to a document's `_:x`. */
  private issue(id?: string): string {
    if (id !== undefined) {
      const label = this.relabelled.get(id);
      if (label !== undefined) return label;
    }
    const label = `_:b${this.blankNodes++}`;
    if (id !== undefined) this.relabelled.set(id, label);
    return label;
  }

  private nameOf(node: ExpandedNode): string {
    return node.id === undefined || node.id.startsWith('_:') ? this.issue(node.id) : node.id;
  }

  /** jsonld.js `createNodeMap` for one node object, merging it into `graph`. */
  add(node: ExpandedNode, graph: string, name = this.nameOf(node)): void {
    const subjects = this.graphs.get(graph) as Map<string, MapSubject>;
    let subject = subjects.get(name);
    if (subject === undefined) {
      subject = new Map();
      subjects.set(name, subject);
    }
    // Entries in code-unit order (the order of `Array.prototype.sort` on strings): `@graph`, then `@type`, then property IRIs (all start with a letter).
    if (node.graph !== undefined) {
      if (!this.graphs.has(name)) this.graphs.set(name, new Map());
      for (const inner of node.graph) this.add(inner, name);
    }
    for (const type of node.types) this.addValue(subject, TYPE_ENTRY, { kind: 'reference', name: type });
    const properties = [...node.properties.keys()].sort();
    for (const property of properties) {
      const items = node.properties.get(property) as readonly ExpandedItem[];
      if (items.length === 0) this.entry(subject, property);
      for (const item of items) {
        if (item.kind === 'node') {
          const itemName = this.nameOf(item);
          this.addValue(subject, property, { kind: 'reference', name: itemName });
          this.add(item, graph, itemName);
        } else if (item.kind === 'value') {
          this.addValue(subject, property, item);
        } else {
          this.addValue(subject, property, { kind: 'list', items: this.listValues(item.items, graph) });
        }
      }
    }
  }

  private listValues(items: readonly ExpandedItem[], graph: string): MapValue[] {
    return items.map((item): MapValue => {
      if (item.kind === 'value') return item;
      if (item.kind === 'list') throw new UnsupportedJsonLd('a list inside a list');
      const name = this.nameOf(item);
      this.add(item, graph, name);
      return { kind: 'reference', name };
    });
  }

  private entry(subject: MapSubject, property: string): MapProperty {
    let entry = subject.get(property);
    if (entry === undefined) {
      entry = { values: [], keys: undefined };
      subject.set(property, entry);
    }
    return entry;
  }

  private addValue(subject: MapSubject, property: string, value: MapValue): void {
    const entry = this.entry(subject, property);
    if (entry.values.length > 0) {
      if (entry.keys === undefined) entry.keys = keysOf(entry.values);
      const key = compareKey(value);
      if (key !== undefined) {
        if (entry.keys.has(key)) return;
        entry.keys.add(key);
      }
    }
    entry.values.push(value);
  }

  /** jsonld.js `toRDF`: graphs, subjects and properties sorted; values in node map order. */
  toQuads(): Quad[] {
    const quads: Quad[] = [];
    for (const graphName of [...this.graphs.keys()].sort()) {
      const graph = graphName === DEFAULT_GRAPH_NAME ? DEFAULT_GRAPH : termFor(graphName);
      const subjects = this.graphs.get(graphName) as Map<string, MapSubject>;
      for (const id of [...subjects.keys()].sort()) {
        const subjectEntries = subjects.get(id) as MapSubject;
        const subject = termFor(id);
        for (const property of [...subjectEntries.keys()].sort()) {
          const predicate = property === TYPE_ENTRY ? RDF_TYPE : termFor(property);
          if (predicate.termType !== 'NamedNode') throw new UnsupportedJsonLd('a blank node property');
          for (const value of (subjectEntries.get(property) as MapProperty).values) {
            const object = this.objectFor(value, graph, quads);
            quads.push({ subject, predicate, object, graph });
          }
        }
      }
    }
    return quads;
  }

  /** Object to RDF Conversion; a list writes its own quads first (List to RDF Conversion). */
  private objectFor(value: MapValue, graph: Quad['graph'], quads: Quad[]): Quad['object'] {
    if (value.kind === 'reference') return termFor(value.name);
    if (value.kind === 'value') return toRdfLiteral(value);
    const items = value.items;
    if (items.length === 0) return RDF_NIL;
    const head = termFor(this.issue());
    let subject = head;
    for (let index = 0; index < items.length - 1; index++) {
      const object = this.objectFor(items[index] as MapValue, graph, quads);
      const next = termFor(this.issue());
      quads.push({ subject, predicate: RDF_FIRST, object, graph });
      quads.push({ subject, predicate: RDF_REST, object: next, graph });
      subject = next;
    }
    const last = this.objectFor(items[items.length - 1] as MapValue, graph, quads);
    quads.push({ subject, predicate: RDF_FIRST, object: last, graph });
    quads.push({ subject, predicate: RDF_REST, object: RDF_NIL, graph });
    return head;
  }
}

/** The RDF dataset of an expanded document, exactly as jsonld.js `toRDF` produces it. */
export function expandedToRdf(options: ExpandedToRdfOptions): Quad[] {
  const nodeMap = new NodeMap();
  nodeMap.add(options.node, DEFAULT_GRAPH_NAME);
  return nodeMap.toQuads();
}
