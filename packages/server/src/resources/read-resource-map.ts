import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIJson } from '@microcred/vc';

/** A resource map that cannot be used: unreadable, not JSON, or naming something it may not. */
export class ResourceMapError extends Error {
  override name = 'ResourceMapError';
}

export interface ReadResourceMapOptions {
  /** The map: a JSON object from URL or DID (or `DID => URL` aliases) to a file. */
  readonly path: string;
  /**
   * Where `npm:` packages are looked up when the map's own folder has no node_modules holding them
   * (default: this module, i.e. the installed microcred's node_modules).
   */
  readonly moduleBase?: string;
}

// A URL or a DID: any absolute URI (RFC 3986 §3.1 scheme), so relative keys are refused.
const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:\S+$/i;
// `npm:<package>[@<version>]/<file>`, e.g. npm:@digitalbazaar/data-integrity-context@2.0.1/contexts/x.jsonld
const NPM_ENTRY = /^npm:((?:@[^/@\s]+\/)?[^/@\s]+)(?:@([^/\s]+))?\/(.+)$/;
// A trailing note in parentheses, as the peer-suites map writes: "npm:… (already in node_modules)".
const TRAILING_NOTE = /^(.*?)\s+\([^()]*\)$/;

// The documents (DID documents, status lists, contexts) come from their publishers: read as strict I-JSON,
// so none can mean one thing here and another in a verifier that keeps the first of duplicate members.
// Package manifests are the installer's business and are read as plain JSON.
function readJson(path: string, what: string, parse: (text: string) => unknown = parseIJson): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ResourceMapError(
      `cannot read ${what} ${path}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`,
    );
  }
  try {
    return parse(text);
  } catch (cause) {
    throw new ResourceMapError(`${what} ${path} is not JSON: ${(cause as Error).message}`);
  }
}

/** The folder of an installed package, found the way Node looks it up, without its `exports` gate. */
function packageFolder(name: string, version: string | undefined, bases: readonly string[]): string {
  const seen: string[] = [];
  for (const base of bases) {
    const lookup = createRequire(join(base, 'noop.js')).resolve.paths(name) ?? [];
    for (const modules of lookup) {
      const folder = join(modules, name);
      if (seen.includes(folder) || !existsSync(join(folder, 'package.json'))) continue;
      seen.push(folder);
      const manifest = readJson(join(folder, 'package.json'), 'package manifest', JSON.parse) as {
        version?: unknown;
      };
      // A context is part of what a signature means: a pinned version must be the one installed.
      if (version !== undefined && manifest.version !== version) {
        throw new ResourceMapError(
          `the resource map pins ${name}@${version}, but ${folder} holds version ${String(manifest.version)}`,
        );
      }
      return folder;
    }
  }
  throw new ResourceMapError(`the resource map names npm package ${name}, which is not installed`);
}

function filePathOf(entry: string, mapFolder: string, moduleBase: string): string {
  const npm = NPM_ENTRY.exec(entry);
  if (npm === null) return resolve(mapFolder, entry);
  const [, name = '', version, file = ''] = npm;
  const folder = packageFolder(name, version, [mapFolder, moduleBase]);
  const path = resolve(folder, file);
  if (relative(folder, path).startsWith(`..${sep}`)) {
    throw new ResourceMapError(`the resource map entry ${entry} points outside its package`);
  }
  return path;
}

/**
 * Reads a verifier resource map (`microcred verify --resources MAP.json`) into documents by URL or
 * DID. File paths are relative to the map's folder; `npm:<package>[@<version>]/<file>` reads a file
 * of an installed package (checking the pinned version). A key `did:web:… => https://…/did.json`
 * serves the document under both names. Every problem is a ResourceMapError naming the entry (a usage error for the CLI, exit 2).
 */
export function readResourceMap(options: ReadResourceMapOptions): Map<string, unknown> {
  const map = readJson(options.path, 'resource map');
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    throw new ResourceMapError(`the resource map ${options.path} must be a JSON object of URL → file`);
  }
  const mapFolder = dirname(resolve(options.path));
  const moduleBase = options.moduleBase ?? dirname(fileURLToPath(import.meta.url));
  const documents = new Map<string, unknown>();
  for (const [key, value] of Object.entries(map)) {
    const names = key.split(/\s*=>\s*/);
    if (!names.every((name) => ABSOLUTE_URI.test(name))) {
      throw new ResourceMapError(`resource map key "${key}" is not a URL or DID (or "DID => URL")`);
    }
    if (typeof value !== 'string' || value.trim() === '') {
      throw new ResourceMapError(`resource map entry "${key}" must name a file`);
    }
    const entry = value.trim().replace(TRAILING_NOTE, '$1');
    const document = readJson(filePathOf(entry, mapFolder, moduleBase), `the resource for ${key}:`);
    for (const name of names) documents.set(name, document);
  }
  return documents;
}
