import { parseIJson } from '../encoding/parse-i-json.js';
import { ErrorCode, MicrocredError } from '../error/index.js';
import { isRecord } from '../json/index.js';

/** One issuer a registry lists: by DID, or by URL for issuers that have no DID (OB 2.0 profiles). */
export interface TrustRegistryEntry {
  readonly name: string;
  readonly url?: string;
  readonly location?: string;
}

/** A registry the verifier's operator trusts: its name (what the report says vetted the issuer) and its entries. */
export interface TrustRegistry {
  readonly name: string;
  /** Keyed by the issuer's DID or URL, exactly as a credential names its issuer. */
  readonly entries: ReadonlyMap<string, TrustRegistryEntry>;
}

export interface ParseTrustRegistryOptions {
  /** The file the text came from: named in every error, and the registry's name when the file gives none. */
  readonly source: string;
  /** The registry's name when the file has no `name` (default: `source`). */
  readonly defaultName?: string;
}

function malformed(source: string, problem: string): MicrocredError {
  return new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, `trust registry ${source}: ${problem}`, {
    details: { source },
  });
}

const optionalText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** An issuer id a registry may list: a DID or an absolute http(s) URL, nothing else. */
function isIssuerId(value: string): boolean {
  if (/^did:[a-z0-9]+:\S+$/.test(value)) return true;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !/\s/.test(value);
  } catch {
    return false;
  }
}

function entryOf(source: string, where: string, value: unknown, fallbackName?: string): TrustRegistryEntry {
  if (!isRecord(value)) throw malformed(source, `${where} must be an object with a name`);
  const name = optionalText(value.name) ?? fallbackName;
  if (name === undefined) throw malformed(source, `${where} has no name`);
  const url = optionalText(value.url);
  const location = optionalText(value.location);
  return { name, ...(url === undefined ? {} : { url }), ...(location === undefined ? {} : { location }) };
}

function addEntry(
  source: string,
  entries: Map<string, TrustRegistryEntry>,
  id: unknown,
  entry: TrustRegistryEntry,
): void {
  if (typeof id !== 'string' || !isIssuerId(id)) {
    throw malformed(source, `${JSON.stringify(id)?.slice(0, 120)} is not a DID or an http(s) URL`);
  }
  if (entries.has(id)) throw malformed(source, `${id} is listed twice`);
  entries.set(id, entry);
}

/**
 * The DCC issuer-registry JSON format (digitalcredentials/issuer-registry, the "dcc-legacy" registries
 * @digitalcredentials/issuer-registry-client reads): `{"meta": {...}, "registry": {"<DID>": {"name",
 * "url"?, "location"?}}}`. Older files call the map `entries`. An optional top-level `name` (ours) names
 * the registry.
 */
export function parseDccIssuerRegistry(document: unknown, options: ParseTrustRegistryOptions): TrustRegistry {
  const { source } = options;
  if (!isRecord(document)) throw malformed(source, 'expected a JSON object with a "registry" map');
  const map = document.registry ?? document.entries;
  if (!isRecord(map))
    throw malformed(source, 'expected a "registry" object mapping DIDs to {name, url, location}');
  const entries = new Map<string, TrustRegistryEntry>();
  for (const [id, value] of Object.entries(map)) {
    addEntry(source, entries, id, entryOf(source, `the entry of ${id}`, value));
  }
  const meta = isRecord(document.meta) ? document.meta : {};
  const name = optionalText(document.name) ?? optionalText(meta.name) ?? options.defaultName ?? source;
  return { name, entries };
}

/**
 * microcred's simple list format, as JSON: `[{"id": "<DID or URL>", "name": "<issuer name>", "url"?,
 * "location"?}, ...]` or `{"name": "<registry name>", "issuers": [...]}` with the same items.
 */
export function parseTrustList(document: unknown, options: ParseTrustRegistryOptions): TrustRegistry {
  const { source } = options;
  const items = Array.isArray(document) ? document : isRecord(document) ? document.issuers : undefined;
  if (!Array.isArray(items)) throw malformed(source, 'expected an array of {"id", "name"} issuers');
  const entries = new Map<string, TrustRegistryEntry>();
  items.forEach((item, index) => {
    const id = isRecord(item) ? item.id : undefined;
    addEntry(source, entries, id, entryOf(source, `item ${index + 1}`, item));
  });
  const name =
    (isRecord(document) ? optionalText(document.name) : undefined) ?? options.defaultName ?? source;
  return { name, entries };
}

/**
 * microcred's simple list format, as text: one issuer a line, `<DID or URL> <issuer name>` (the name is
 * the rest of the line; without one the issuer is listed by its id). Blank lines and lines starting with
 * `#` are ignored; a first line `# name: <registry name>` names the registry.
 */
export function parseTrustListText(text: string, options: ParseTrustRegistryOptions): TrustRegistry {
  const { source } = options;
  const entries = new Map<string, TrustRegistryEntry>();
  let name: string | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('#')) {
      const named = /^#\s*name:\s*(.+)$/i.exec(line);
      if (named?.[1] !== undefined && name === undefined) name = named[1].trim();
      return;
    }
    const [id = '', ...rest] = line.split(/\s+/);
    if (!isIssuerId(id))
      throw malformed(source, `line ${index + 1}: ${id.slice(0, 120)} is not a DID or an http(s) URL`);
    const issuerName = rest.join(' ').trim();
    addEntry(source, entries, id, { name: issuerName === '' ? id : issuerName });
  });
  return { name: name ?? options.defaultName ?? source, entries };
}

/**
 * Reads a registry file in any format microcred knows: a JSON object with a `registry` (or `entries`)
 * map is the DCC format; a JSON array, or an object with `issuers`, the simple list; anything not
 * starting with `{` or `[` the simple list as lines. Throws a MicrocredError naming `source`:
 * PARSING_ERROR for JSON that does not parse, MALFORMED_VALUE_ERROR for the wrong shape.
 */
export function parseTrustRegistry(text: string, options: ParseTrustRegistryOptions): TrustRegistry {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return parseTrustListText(trimmed, options);
  let document: unknown;
  try {
    document = parseIJson(trimmed);
  } catch (error) {
    throw new MicrocredError(
      ErrorCode.PARSING_ERROR,
      `trust registry ${options.source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      { details: { source: options.source }, cause: error },
    );
  }
  if (isRecord(document) && document.registry === undefined && document.entries === undefined) {
    return parseTrustList(document, options);
  }
  return Array.isArray(document)
    ? parseTrustList(document, options)
    : parseDccIssuerRegistry(document, options);
}
