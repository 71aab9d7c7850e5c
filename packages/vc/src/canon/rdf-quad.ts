/** RDF/JS-shaped terms, as jsonld.js hands them to rdf-canonize. */
export interface NamedNode {
  readonly termType: 'NamedNode';
  readonly value: string;
}

/** `value` is the label without `_:`. */
export interface BlankNode {
  readonly termType: 'BlankNode';
  readonly value: string;
}

export interface Literal {
  readonly termType: 'Literal';
  readonly value: string;
  readonly datatype: NamedNode;
  readonly language?: string;
}

export interface DefaultGraph {
  readonly termType: 'DefaultGraph';
  readonly value: '';
}

export interface Quad {
  readonly subject: NamedNode | BlankNode;
  readonly predicate: NamedNode;
  readonly object: NamedNode | BlankNode | Literal;
  readonly graph: NamedNode | BlankNode | DefaultGraph;
}
