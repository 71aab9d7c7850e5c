import { OB_EXTENSIONS_CONTEXT } from '../../contexts/index.js';
import type { JsonLdContext } from '../model/credential-context.js';

export interface BuildContextOptions {
  /** The spec's required contexts, in order. */
  readonly base: readonly string[];
  /** The document body the context is for. */
  readonly document: unknown;
}

/**
 * `base`, followed by the OB extensions context when any `type` in the document is a `1EdTech*`
 * term (1EdTechJsonSchemaValidator2019, 1EdTechRevocationList, 1EdTechCredentialRefresh): no other
 * context defines them, so JSON-LD safe mode would reject the document (STANDARDS.md §0.1).
 */
export function buildContext({ base, document }: BuildContextOptions): JsonLdContext {
  const context: JsonLdContext = [...base];
  if (usesOneEdTechType(document) && !context.includes(OB_EXTENSIONS_CONTEXT)) {
    context.push(OB_EXTENSIONS_CONTEXT);
  }
  return context;
}

function usesOneEdTechType(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.some(usesOneEdTechType);
  }
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  return Object.entries(value).some(([key, entry]) =>
    key === 'type' ? isOneEdTechType(entry) : usesOneEdTechType(entry),
  );
}

function isOneEdTechType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((name) => typeof name === 'string' && name.startsWith('1EdTech'));
}
