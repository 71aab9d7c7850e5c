// jsonld.js and rdf-canonize ship no types; only what microcred calls is declared.
declare module 'jsonld' {
  interface JsonLdOptions {
    documentLoader?: (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;
    safe?: boolean;
    algorithm?: string;
    format?: string;
    base?: string | null;
    expandContext?: unknown;
    rdfDirection?: string;
    [key: string]: unknown;
  }
  const jsonld: {
    canonize(input: unknown, options?: JsonLdOptions): Promise<string>;
    expand(input: unknown, options?: JsonLdOptions): Promise<unknown[]>;
    compact(input: unknown, context: unknown, options?: JsonLdOptions): Promise<Record<string, unknown>>;
    toRDF(input: unknown, options?: JsonLdOptions): Promise<unknown>;
  };
  export default jsonld;
}

declare module 'rdf-canonize' {
  const rdfCanonize: {
    canonize(input: unknown, options?: Record<string, unknown>): Promise<string>;
    NQuads: {
      parse(input: string): unknown[];
      serialize(dataset: unknown[]): string;
      serializeQuadComponents(subject: unknown, predicate: unknown, object: unknown, graph: unknown): string;
    };
  };
  export default rdfCanonize;
}

// jsonld.js internals the fast canonizer (src/canon/) drives directly, so that term definitions, scoped
// contexts and IRI expansion are computed by the reference implementation itself. jsonld 9 ships them as
// plain CommonJS files (no `exports` map); only what microcred reads is declared.
declare module 'jsonld/lib/context.js' {
  /** A term definition as jsonld.js stores it (JSON-LD 1.1 API §4.2.2 Create Term Definition). */
  export interface TermDefinition {
    readonly '@id'?: string | null;
    readonly reverse: boolean;
    readonly '@type'?: string;
    readonly '@container'?: readonly string[];
    readonly '@context'?: unknown;
    readonly '@language'?: string | null;
    readonly '@direction'?: string | null;
    readonly '@index'?: string;
    readonly '@nest'?: string;
    readonly protected?: boolean;
  }
  /** A processed active context (JSON-LD 1.1 API §4.1). jsonld.js never mutates one once returned. */
  export interface ActiveContext {
    readonly mappings: ReadonlyMap<string, TermDefinition>;
    readonly previousContext?: ActiveContext;
    readonly '@vocab'?: string;
    readonly '@base'?: string | null;
    readonly '@language'?: string;
    readonly '@direction'?: string;
    readonly processingMode?: string;
  }
  export interface JsonLdEvent {
    readonly code: string;
    readonly level: string;
    readonly message: string;
  }
  export interface ContextProcessingOptions {
    readonly documentLoader: (url: string) => Promise<unknown>;
    readonly base: string | null;
    readonly contextResolver: unknown;
    readonly eventHandler?: (handler: { event: JsonLdEvent; next: () => void }) => void;
  }
  export interface IriExpansionOptions {
    readonly base: string | null;
  }
  const context: {
    /** JSON-LD 1.1 API §4.1.2 Context Processing Algorithm. */
    process(args: {
      activeCtx: ActiveContext;
      localCtx: unknown;
      options: ContextProcessingOptions;
      propagate?: boolean;
      overrideProtected?: boolean;
    }): Promise<ActiveContext>;
    getInitialContext(options: { processingMode?: string }): ActiveContext;
    /** JSON-LD 1.1 API §4.4.2 IRI Expansion; `null` for keyword-like strings and null-mapped terms. */
    expandIri(
      activeCtx: ActiveContext,
      value: string,
      relativeTo: { vocab?: boolean; base?: boolean },
      options: IriExpansionOptions,
    ): string | null;
    /** A term's entry (`@type`, `@container`...), the context default, or null (undefined for `@context`). */
    getContextValue(activeCtx: ActiveContext, key: string | null, type: string): unknown;
    isKeyword(value: unknown): boolean;
  };
  export default context;
}

declare module 'jsonld/lib/ContextResolver.js' {
  /** Resolves (loads) local and remote contexts; `sharedCache` needs only `get` and `set`. */
  export default class ContextResolver {
    constructor(options: { sharedCache: Map<string, unknown> });
  }
}

declare module 'jsonld/lib/url.js' {
  const url: {
    /** jsonld.js's test for an absolute IRI or blank node identifier (`scheme:` with no whitespace). */
    isAbsolute(value: unknown): boolean;
  };
  export default url;
}
