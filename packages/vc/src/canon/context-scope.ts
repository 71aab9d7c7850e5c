import ContextResolver from 'jsonld/lib/ContextResolver.js';
import contextApi, { type ActiveContext, type ContextProcessingOptions } from 'jsonld/lib/context.js';
import url from 'jsonld/lib/url.js';
import type { DocumentLoader } from '../contexts/index.js';
import { isPlainJson } from './is-plain-json.js';
import { UnsupportedJsonLd } from './unsupported-json-ld.js';

export type ContextEntry = '@type' | '@container' | '@context' | '@language' | '@direction';

/**
 * What expansion asks of a key or term in one active context, looked up once: its vocabulary-relative
 * IRI, and its entries as jsonld.js `getContextValue` gives them (the context's defaults included).
 */
export interface TermFacts {
  /** The vocabulary-relative IRI or keyword; null for an undefined term. */
  readonly iri: string | null;
  readonly keyword: boolean;
  /** An absolute IRI (a blank node label counts, as in jsonld.js), not a keyword. */
  readonly absolute: boolean;
  readonly type: unknown;
  readonly container: unknown;
  readonly context: unknown;
  readonly language: unknown;
  readonly direction: unknown;
  /** A reverse property (`@reverse` in its definition). */
  readonly reverse: boolean;
}

/**
 * How a local context joins the active one (JSON-LD 1.1 API, Expansion Algorithm): `embedded` is a
 * node object's own `@context` (step 9: propagates, cannot override protected terms); `property` a
 * property-scoped context (step 8, and per term in step 13: propagates, may override protected
 * terms); `type` a type-scoped context (step 11: does not propagate into nested node objects).
 */
export type ScopeKind = 'embedded' | 'property' | 'type';

// Bounds on what one scope remembers: documents choose their own embedded contexts and keys, so a
// long-running verifier must not grow without limit. A full table is cleared, never refused.
const MAX_TRANSITIONS = 64;
const MAX_IRIS = 4096;
// The reference canonizes with `base: null`, so relative IRIs stay relative (and are then refused).
const IRI_OPTIONS = Object.freeze({ base: null });

/** A local context this scope has not processed yet; the walk awaits `resolve()` and starts again. */
export class ContextMiss extends Error {
  override readonly name = 'ContextMiss';
  constructor(
    readonly scope: ContextScope,
    readonly kind: ScopeKind,
    readonly localContext: unknown,
  ) {
    super(`context not processed yet (${kind})`);
  }

  resolve(): Promise<void> {
    return this.scope.resolve(this.kind, this.localContext);
  }
}

function refuseEvents({ event }: { event: { code: string } }): void {
  // Every event jsonld.js raises while processing a context is a safe-mode error or a warning about
  // something dubious: either way the reference path must decide.
  throw new UnsupportedJsonLd(`context processing raised "${event.code}"`);
}

/** Keys embedded contexts by their JSON; anything that is not plain JSON has no stable key. */
function jsonKey(value: unknown): string {
  if (!isPlainJson(value)) throw new UnsupportedJsonLd('an embedded @context that is not plain JSON');
  return JSON.stringify(value);
}

/**
 * One active context as jsonld.js processed it, plus what the fast path learned about it: the active
 * contexts each local context leads to, and expanded IRIs. jsonld.js rebuilds (deep-clones) its active
 * context for every node object under a type-scoped context, which is most of its expansion time;
 * here each transition is processed once, by jsonld.js itself, and reused for every later document
 * served by the same document loader.
 */
export class ContextScope {
  private readonly transitions: Record<ScopeKind, Map<unknown, ContextScope>> = {
    embedded: new Map(),
    property: new Map(),
    type: new Map(),
  };
  private readonly vocabIris = new Map<string, string | null>();
  private readonly typeIris = new Map<string, string | null>();
  // The context never changes once processed, so neither do a term's facts.
  private readonly terms = new Map<string, TermFacts>();

  private constructor(
    readonly context: ActiveContext,
    /** The scope a type-scoped context reverts to (jsonld.js `previousContext`); null when none. */
    readonly previous: ContextScope | null,
    private readonly documentLoader: DocumentLoader,
  ) {}

  /** The initial active context for documents served by `documentLoader`. */
  static initial(documentLoader: DocumentLoader): ContextScope {
    let scope = INITIAL_SCOPES.get(documentLoader);
    if (scope === undefined) {
      scope = new ContextScope(contextApi.getInitialContext({}), null, documentLoader);
      INITIAL_SCOPES.set(documentLoader, scope);
    }
    return scope;
  }

  /** A key or term, vocabulary-relative (IRI Expansion with `vocab` true): a keyword, an IRI, or null. */
  expandVocab(term: string): string | null {
    let iri = this.vocabIris.get(term);
    if (iri === undefined) {
      iri = contextApi.expandIri(this.context, term, { vocab: true }, IRI_OPTIONS);
      remember(this.vocabIris, term, iri);
    }
    return iri;
  }

  /** A key or term's facts in this context (see {@link TermFacts}). */
  term(key: string): TermFacts {
    let facts = this.terms.get(key);
    if (facts === undefined) {
      const iri = this.expandVocab(key);
      const keyword = iri !== null && contextApi.isKeyword(iri);
      const value = (entry: ContextEntry) => contextApi.getContextValue(this.context, key, entry);
      facts = {
        iri,
        keyword,
        absolute: iri !== null && !keyword && url.isAbsolute(iri),
        type: value('@type'),
        container: value('@container'),
        context: value('@context'),
        language: value('@language'),
        direction: value('@direction'),
        reverse: this.context.mappings.get(key)?.reverse === true,
      };
      if (this.terms.size >= MAX_IRIS) this.terms.clear();
      this.terms.set(key, facts);
    }
    return facts;
  }

  /** A value of `@type` or of a `@type: @vocab` term: vocabulary- then document-relative. */
  expandType(value: string): string | null {
    let iri = this.typeIris.get(value);
    if (iri === undefined) {
      iri = contextApi.expandIri(this.context, value, { vocab: true, base: true }, IRI_OPTIONS);
      remember(this.typeIris, value, iri);
    }
    return iri;
  }

  /** A value of `@id` or of a `@type: @id` term: document-relative only. */
  expandId(value: string): string | null {
    return contextApi.expandIri(this.context, value, { base: true }, IRI_OPTIONS);
  }

  /** Expansion step 7: leave a type-scoped context when entering a nested node object. */
  revert(): ContextScope {
    return this.previous ?? this;
  }

  /** The scope `localContext` leads to; throws ContextMiss the first time, until `resolve` ran. */
  next(kind: ScopeKind, localContext: unknown): ContextScope {
    const key = kind === 'embedded' ? jsonKey(localContext) : localContext;
    const scope = this.transitions[kind].get(key);
    if (scope === undefined) throw new ContextMiss(this, kind, localContext);
    return scope;
  }

  /** Processes `localContext` with jsonld.js's own Context Processing Algorithm, and remembers it. */
  async resolve(kind: ScopeKind, localContext: unknown): Promise<void> {
    const key = kind === 'embedded' ? jsonKey(localContext) : localContext;
    const options: ContextProcessingOptions = {
      documentLoader: this.documentLoader,
      base: null,
      contextResolver: new ContextResolver({ sharedCache: new Map() }),
      eventHandler: refuseEvents,
    };
    const context = await contextApi.process({
      activeCtx: this.context,
      localCtx: localContext,
      options,
      propagate: kind !== 'type',
      overrideProtected: kind === 'property',
    });
    // jsonld.js sets `previousContext` to (a clone of) the active context a non-propagating context was
    // applied to, or carries the one it already had; a `null` context drops it. Reusing the scope
    // objects keeps reverting cheap and lets later transitions from the reverted scope be shared.
    const previous = context.previousContext === undefined ? null : (this.previous ?? this);
    const transitions = this.transitions[kind];
    if (transitions.size >= MAX_TRANSITIONS) transitions.clear();
    if (!transitions.has(key)) transitions.set(key, new ContextScope(context, previous, this.documentLoader));
  }
}

const INITIAL_SCOPES = new WeakMap<DocumentLoader, ContextScope>();

function remember(table: Map<string, string | null>, key: string, iri: string | null): void {
  if (table.size >= MAX_IRIS) table.clear();
  table.set(key, iri);
}
