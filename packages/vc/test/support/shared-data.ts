import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The checkout's sibling `shared/` folder, which holds vectors and fixtures for tests only. */
export const SHARED_DIR = fileURLToPath(new URL('../../../../../shared/', import.meta.url));

export function sharedPath(relative: string): string {
  return `${SHARED_DIR}${relative}`;
}

export function readSharedText(relative: string): string {
  return readFileSync(sharedPath(relative), 'utf8');
}

export function readSharedJson<T = Record<string, unknown>>(relative: string): T {
  return JSON.parse(readSharedText(relative)) as T;
}

/** Test contexts that the product never bundles (the W3C examples vocabulary). */
export const TEST_CONTEXTS: ReadonlyMap<string, unknown> = new Map([
  [
    'https://www.w3.org/ns/credentials/examples/v2',
    readSharedJson('data/w3c/contexts/credentials-examples-v2.jsonld'),
  ],
]);
