import { ErrorCode, MicrocredError } from '../error/index.js';
import { type CredentialPngKeyword, isCredentialPngKeyword, OB_PNG_KEYWORD } from './credential-kinds.js';
import { toCredentialText } from './credential-text.js';
import { encodePngChunk, PNG_SIGNATURE, readPngChunks } from './png-chunks.js';
import { encodeITxt } from './png-text-chunks.js';
import { findPngCredentialChunks } from './unbake-png.js';

/**
 * Bakes a credential into a PNG as one uncompressed `iTXt` chunk (OB 3.0 §Baked Badge/PNG), placed
 * right after IHDR. PNG §5.6 puts no ordering constraint on iTXt, and the spec lets extractors stop at
 * the first credential chunk, so early placement lets them read a few hundred bytes instead of the
 * whole image. A PNG that already holds a credential is refused unless `replace` is set, in which case
 * every existing credential chunk is dropped (the spec leaves error-or-overwrite to the implementer).
 */
export function bakePng(options: {
  image: Uint8Array;
  credential: string | object;
  keyword?: CredentialPngKeyword;
  replace?: boolean;
}): Uint8Array {
  const { image, credential, keyword = OB_PNG_KEYWORD, replace = false } = options;
  if (!isCredentialPngKeyword(keyword)) {
    throw new MicrocredError(ErrorCode.BAKE_ERROR, `unknown credential keyword "${String(keyword)}"`);
  }
  const chunks = readPngChunks(image);
  const existing = findPngCredentialChunks(chunks).credentials.map(({ chunk }) => chunk);
  if (existing.length > 0 && !replace) {
    throw new MicrocredError(ErrorCode.BAKE_ERROR, 'PNG already holds a baked credential');
  }
  const { text } = toCredentialText(credential);
  const baked = encodePngChunk('iTXt', encodeITxt({ keyword, text }));

  const parts: Uint8Array[] = [PNG_SIGNATURE];
  for (const chunk of chunks) {
    if (existing.includes(chunk)) continue;
    parts.push(image.subarray(chunk.start, chunk.end));
    if (chunk === chunks[0]) parts.push(baked);
  }
  const output = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    output.set(part, offset);
    offset += part.length;
  }
  return output;
}
