import { ErrorCode, MicrocredError } from '../error/index.js';
import {
  type CredentialKind,
  type CredentialPngKeyword,
  isCredentialPngKeyword,
  KIND_BY_PNG_KEYWORD,
  OB2_PNG_KEYWORD,
} from './credential-kinds.js';
import { type PngChunk, readPngChunks } from './png-chunks.js';
import { PNG_TEXT_CHUNK_TYPES, parseITxt, readPngKeyword } from './png-text-chunks.js';

export interface UnbakedPng {
  keyword: CredentialPngKeyword;
  kind: CredentialKind;
  /** The credential JSON or Compact JWS, trimmed. */
  text: string;
}

function fail(message: string, details?: Record<string, unknown>): never {
  throw new MicrocredError(ErrorCode.BAKE_ERROR, message, details === undefined ? {} : { details });
}

export interface PngCredentialChunks {
  credentials: Array<{ chunk: PngChunk; keyword: CredentialPngKeyword }>;
}

/** The text chunks that carry a credential (any text chunk type, so misuse is caught, not skipped). */
export function findPngCredentialChunks(chunks: readonly PngChunk[]): PngCredentialChunks {
  const found: PngCredentialChunks = { credentials: [] };
  for (const chunk of chunks) {
    if (!PNG_TEXT_CHUNK_TYPES.has(chunk.type)) continue;
    const keyword = readPngKeyword(chunk.data);
    if (keyword !== undefined && isCredentialPngKeyword(keyword)) found.credentials.push({ chunk, keyword });
  }
  return found;
}

/**
 * Extracts the credential baked into a PNG (OB 3.0 §Baked Badge/PNG extracting). Stricter than "take
 * the first chunk": two credential chunks are refused, because the spec says the chunk MUST NOT appear
 * more than once and two readers could otherwise see two different credentials in one image.
 */
export function unbakePng(image: Uint8Array): UnbakedPng {
  const { credentials } = findPngCredentialChunks(readPngChunks(image));
  if (credentials.length > 1) fail('PNG holds more than one credential chunk');
  const [found] = credentials;
  if (found === undefined) fail('PNG holds no baked credential');
  // OB 2.0 bakers before iTXt wrote a Latin-1 tEXt chunk; its text is JSON, a JWS or a URL, all ASCII.
  if (found.keyword === OB2_PNG_KEYWORD && found.chunk.type === 'tEXt') {
    const text = new TextDecoder('latin1')
      .decode(found.chunk.data.subarray(OB2_PNG_KEYWORD.length + 1))
      .trim();
    if (text === '') fail('credential chunk is empty');
    return { keyword: found.keyword, kind: 'ob2', text };
  }
  if (found.chunk.type !== 'iTXt') fail(`credential is in a ${found.chunk.type} chunk; OB 3.0 requires iTXt`);
  const itxt = parseITxt(found.chunk.data);
  if (itxt.compressed) fail('credential iTXt chunk is compressed; OB 3.0 forbids compression');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(itxt.text).trim();
  } catch (cause) {
    throw new MicrocredError(ErrorCode.BAKE_ERROR, 'credential text is not UTF-8', { cause });
  }
  if (text === '') fail('credential chunk is empty');
  return { keyword: found.keyword, kind: KIND_BY_PNG_KEYWORD[found.keyword], text };
}
