import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { ErrorCode, MicrocredError, parseTrustRegistry, type TrustRegistry } from '@microcred/vc';

/**
 * Reads the operator's trust registry files (`MICROCRED_TRUST_REGISTRIES`), in the order given (most
 * authoritative first). A registry without a name of its own is named by its file's base name. Any file
 * that cannot be read or parsed stops the start with a MicrocredError naming it: a verifier silently
 * missing a registry would report vetted issuers as unknown.
 */
export function readTrustRegistries(paths: readonly string[]): TrustRegistry[] {
  return paths.map((path) => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (cause) {
      throw new MicrocredError(
        ErrorCode.RESOURCE_UNAVAILABLE,
        `trust registry ${path} cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`,
        { cause, details: { source: path } },
      );
    }
    return parseTrustRegistry(text, { source: path, defaultName: basename(path, extname(path)) });
  });
}
