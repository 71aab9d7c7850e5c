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
    NQuads: { parse(input: string): unknown[]; serialize(dataset: unknown[]): string };
  };
  export default rdfCanonize;
}
