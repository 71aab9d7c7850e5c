import contextApi from 'jsonld/lib/context.js';
import url from 'jsonld/lib/url.js';
import type { ContextScope } from './context-scope.js';
import type { ExpandedItem, ExpandedList, ExpandedNode, ExpandedValue } from './expanded-json-ld.js';
import { isPlainJson, isPlainObject } from './is-plain-json.js';
import { UnsupportedJsonLd } from './unsupported-json-ld.js';

export interface ExpandJsonLdOptions {
  /** A JSON-LD document: one node object with its `@context`. */
  readonly document: object;
  /** The initial context for the document's loader; its transitions are filled in as they are met. */
  readonly initialScope: ContextScope;
}

// jsonld.js's BCP47 check on `@language` (util.REGEX_BCP47): anything else is a safe-mode error.
const BCP47 = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;
const NO_PROPERTIES: ReadonlyMap<string, readonly ExpandedItem[]> = new Map();
// Containers the fast path implements; @language, @index, @id and @type maps go to the reference.
const SUPPORTED_CONTAINERS = new Set(['@set', '@list', '@graph']);

const isAbsoluteIri = (value: string): boolean => url.isAbsolute(value);

function unsupported(reason: string): UnsupportedJsonLd {
  return new UnsupportedJsonLd(reason);
}

/**
 * The JSON-LD 1.1 API Expansion Algorithm for the subset credentials use, mirroring jsonld.js 9 step
 * by step (same key order, same scoped-context rules, IRI expansion through its own functions), and
 * throwing UnsupportedJsonLd wherever jsonld.js would go beyond that subset, raise a safe-mode event
 * or throw. Throws ContextMiss when a context transition has not been processed yet.
 */
export function expandJsonLd(options: ExpandJsonLdOptions): ExpandedNode {
  if (!isPlainObject(options.document)) throw unsupported('the document is not a single JSON object');
  const expanded = expandObject(options.initialScope, null, options.document);
  if (expanded.kind !== 'node') throw unsupported('the document is not a node object');
  return expanded;
}

/** Expansion Algorithm steps 1-5 for one value under `activeProperty`: arrays, scalars, then objects. */
function expandElement(
  scope: ContextScope,
  activeProperty: string,
  element: unknown,
): ExpandedItem | ExpandedItem[] | null {
  if (element === null || element === undefined) return null;
  if (Array.isArray(element)) {
    const items: ExpandedItem[] = [];
    for (const member of element) {
      // Nested arrays become lists of lists under @list and are flattened elsewhere: rare, delegated.
      if (Array.isArray(member)) throw unsupported('an array inside an array');
      const item = expandElement(scope, activeProperty, member);
      if (item !== null) items.push(item as ExpandedItem);
    }
    return items;
  }
  if (isPlainObject(element)) return expandObject(scope, activeProperty, element);
  return expandScalar(scope, activeProperty, element);
}

/** The Value Expansion algorithm, as jsonld.js `_expandValue` does it. */
function expandScalar(scope: ContextScope, activeProperty: string, value: unknown): ExpandedItem {
  const term = scope.term(activeProperty);
  const expandedProperty = term.iri;
  // A scalar under a keyword (e.g. a free-floating scalar under @graph) is dropped or special-cased.
  if (expandedProperty === null || contextApi.isKeyword(expandedProperty)) {
    throw unsupported(`a scalar under ${activeProperty}`);
  }
  const type = term.type;
  if (typeof value === 'string' && type === '@id') return reference(scope.expandId(value));
  if (typeof value === 'string' && type === '@vocab') return reference(scope.expandType(value));
  if (
    typeof value !== 'string' &&
    typeof value !== 'boolean' &&
    !(typeof value === 'number' && Number.isFinite(value))
  ) {
    throw unsupported('a value that is not JSON');
  }
  if (type !== null && typeof type !== 'string') throw unsupported('an unexpected type mapping');
  if (type !== null && type !== '@id' && type !== '@vocab' && type !== '@none') {
    return { kind: 'value', value, type, language: undefined };
  }
  if (typeof value === 'string') {
    // Without `rdfDirection`, a base direction is a safe-mode error in toRDF.
    if (term.direction !== null) throw unsupported('a base direction');
    const language = term.language;
    if (language !== null) {
      if (typeof language !== 'string') throw unsupported('an unexpected default language');
      return { kind: 'value', value, type: undefined, language };
    }
  }
  return { kind: 'value', value, type: undefined, language: undefined };
}

/** A node reference; toRDF refuses relative IRIs in safe mode, and a null IRI is silently dropped. */
function reference(id: string | null): ExpandedNode {
  if (id === null || !isAbsoluteIri(id)) throw unsupported('a reference that is not an absolute IRI');
  return { kind: 'node', id, types: [], properties: NO_PROPERTIES, graph: undefined };
}

/** jsonld.js `_dropUnsafeObject`: what it drops (with a safe-mode event) at top level and in graphs. */
function isDropped(item: ExpandedItem): boolean {
  if (item.kind !== 'node') return true;
  const entries =
    (item.id === undefined ? 0 : 1) +
    (item.types.length === 0 ? 0 : 1) +
    item.properties.size +
    (item.graph === undefined ? 0 : 1);
  return entries === 0 || (entries === 1 && item.id !== undefined);
}

function containerOf(container: unknown): readonly string[] {
  if (container === null) return [];
  if (!Array.isArray(container)) throw unsupported('an unexpected container mapping');
  return container as readonly string[];
}

function typeValues(scope: ContextScope, value: unknown): string[] {
  const values = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(values) || !values.every((item) => typeof item === 'string')) {
    throw unsupported('a @type that is not a string or an array of strings');
  }
  return values.map((item: string) => {
    const iri = scope.expandType(item);
    // A type must expand to an absolute IRI (safe mode); blank node types are delegated.
    if (iri === null || !isAbsoluteIri(iri) || iri.startsWith('_:')) {
      throw unsupported(`the type ${JSON.stringify(item).slice(0, 80)}`);
    }
    return iri;
  });
}

function appendValues(
  properties: Map<string, ExpandedItem[]>,
  property: string,
  items: ExpandedItem[],
): void {
  const existing = properties.get(property);
  if (existing === undefined) properties.set(property, items);
  else for (const item of items) existing.push(item);
}

/** Expansion Algorithm steps 6-20 for a JSON object: scoped contexts, each entry (step 13), the result. */
function expandObject(
  enclosingScope: ContextScope,
  activeProperty: string | null,
  element: Record<string, unknown>,
): ExpandedItem {
  let scope = enclosingScope;
  const activeTerm = activeProperty === null ? undefined : scope.term(activeProperty);
  const expandedActiveProperty = activeTerm === undefined ? null : activeTerm.iri;
  const propertyContext = activeTerm?.context;
  const keys = Object.keys(element).sort();
  if (keys.includes('__proto__')) throw unsupported('a __proto__ key');

  // Step 7: a type-scoped context does not reach nested node objects, but does reach value objects
  // and node references.
  let mustRevert = true;
  if (scope.previous !== null && keys.length <= 2 && !keys.includes('@context')) {
    for (const key of keys) {
      const expanded = scope.term(key).iri;
      if (expanded === '@value' || (expanded === '@id' && keys.length === 1)) {
        mustRevert = false;
        break;
      }
    }
  }
  if (mustRevert) scope = scope.revert();
  // Steps 8-9: the property-scoped context (looked up before reverting), then an embedded @context.
  if (propertyContext !== undefined) scope = scope.next('property', propertyContext);
  if ('@context' in element) scope = scope.next('embedded', element['@context']);

  // Step 11: type-scoped contexts, for the types in lexicographic order, looked up in the context as
  // it stood before any of them applied.
  const typeScope = scope;
  let typeKey: string | undefined;
  for (const key of keys) {
    if (scope.term(key).iri !== '@type') continue;
    if (typeKey !== undefined) throw unsupported('two keys that expand to @type');
    typeKey = key;
    const value = element[key];
    const types = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(types) || !types.every((type) => typeof type === 'string')) {
      throw unsupported('a @type that is not a string or an array of strings');
    }
    for (const type of types.length > 1 ? [...types].sort() : types) {
      const typeContext = typeScope.term(type as string).context;
      if (typeContext !== undefined) scope = scope.next('type', typeContext);
    }
  }
  if (typeKey !== undefined) {
    const value = element[typeKey];
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && scope.expandVocab(first) === '@json') {
      throw unsupported('an explicit JSON literal value object');
    }
  }

  let id: string | undefined;
  let types: string[] = [];
  let hasValue = false;
  let value: unknown;
  let language: string | undefined;
  const keywords = new Set<string>();
  const properties = new Map<string, ExpandedItem[]>();
  for (const key of keys) {
    if (key === '@context') continue;
    const facts = scope.term(key);
    const { iri: property, keyword, absolute } = facts;
    // Step 13.3: in safe mode a key that is not a keyword and not an absolute IRI is an error
    // ("invalid property"): an undefined term. The reference reports it.
    if (property === null || !(keyword || absolute)) {
      throw unsupported(`the term ${JSON.stringify(key).slice(0, 80)} is not defined`);
    }
    const entry = element[key];
    if (keyword) {
      if (keywords.has(property)) throw unsupported('colliding keywords');
      keywords.add(property);
      switch (property) {
        case '@id': {
          if (typeof entry !== 'string') throw unsupported('an @id that is not a string');
          const iri = scope.expandId(entry);
          if (iri === null || !isAbsoluteIri(iri)) throw unsupported('an @id that is not an absolute IRI');
          id = iri;
          break;
        }
        case '@type':
          types = typeValues(typeScope, entry);
          break;
        case '@value':
          hasValue = true;
          value = entry;
          break;
        case '@language': {
          if (typeof entry !== 'string') throw unsupported('a @language that is not a string');
          const lowered = entry.toLowerCase();
          if (!BCP47.test(lowered)) throw unsupported('a @language that is not BCP47');
          language = lowered;
          break;
        }
        default:
          throw unsupported(`the keyword ${property}`);
      }
      continue;
    }

    // A term: its container, its property-scoped context, then its value (rest of step 13).
    if (property.startsWith('_:')) throw unsupported('a blank node property');
    const container = containerOf(facts.container);
    if (!container.every((kind) => SUPPORTED_CONTAINERS.has(kind))) {
      throw unsupported(`the container ${container.join(',')}`);
    }
    const termContext = facts.context;
    const termScope = termContext === undefined ? scope : scope.next('property', termContext);
    if (facts.reverse || termScope.term(key).reverse) {
      throw unsupported('a reverse property');
    }
    let expanded: ExpandedItem | ExpandedItem[] | null;
    if (facts.type === '@json') {
      // A `@type: @json` term keeps its value as is, to become an rdf:JSON literal.
      if (!isPlainJson(entry)) throw unsupported('a JSON literal that is not plain JSON');
      expanded = { kind: 'value', value: entry, type: '@json', language: undefined };
    } else {
      expanded = expandElement(termScope, key, entry);
    }
    if (expanded === null) continue;
    let items: ExpandedItem[] = Array.isArray(expanded) ? expanded : [expanded];
    if (container.includes('@list')) {
      const list: ExpandedList = { kind: 'list', items };
      items = [list];
    }
    if (container.includes('@graph')) {
      // A `@container: @graph` value becomes a named graph of its own (jsonld.js first drops, with
      // a safe-mode event, values that would leave it empty).
      if (items.some(isDropped)) throw unsupported('a graph value with no properties');
      if (items.length === 0) continue;
      items = items.map((item) => ({
        kind: 'node',
        id: undefined,
        types: [],
        properties: NO_PROPERTIES,
        graph: [item as ExpandedNode],
      }));
    }
    appendValues(properties, property, items);
  }

  let result: ExpandedItem;
  if (hasValue) {
    result = valueObject({ value, types, language, other: id !== undefined || properties.size > 0 });
  } else {
    if (language !== undefined) throw unsupported('@language outside a value object');
    result = { kind: 'node', id, types, properties, graph: undefined };
  }
  // Step 19: free-floating objects are dropped, which safe mode refuses (jsonld.js looks the
  // container up in the active context as it now stands).
  if (
    (activeProperty === null ||
      expandedActiveProperty === '@graph' ||
      containerOf(scope.term(activeProperty).container).includes('@graph')) &&
    isDropped(result)
  ) {
    throw unsupported('an object that expansion drops');
  }
  return result;
}

/**
 * Expansion Algorithm step 15: what a value object may hold; anything else is a syntax or safe-mode
 * error in jsonld.js.
 */
function valueObject(parts: {
  value: unknown;
  types: string[];
  language: string | undefined;
  other: boolean;
}): ExpandedValue {
  const { value, types, language } = parts;
  if (parts.other || types.length > 1 || (types.length > 0 && language !== undefined)) {
    throw unsupported('a value object with other entries');
  }
  if (
    typeof value !== 'string' &&
    typeof value !== 'boolean' &&
    !(typeof value === 'number' && Number.isFinite(value))
  ) {
    throw unsupported('a @value that is null, an object or an array');
  }
  if (language !== undefined && typeof value !== 'string') throw unsupported('a language-tagged non-string');
  return { kind: 'value', value, type: types[0], language };
}
