import { ErrorCode, MicrocredError } from '../error/index.js';

/** The PNG chunk types that carry a keyword and text (PNG §11.3.4). */
export const PNG_TEXT_CHUNK_TYPES: ReadonlySet<string> = new Set(['tEXt', 'zTXt', 'iTXt']);

// PNG §11.3.4.2: keywords are 1–79 Latin-1 bytes followed by a null separator.
const MAX_KEYWORD_LENGTH = 79;

function fail(message: string): never {
  throw new MicrocredError(ErrorCode.BAKE_ERROR, message);
}

/** The keyword of a tEXt, zTXt or iTXt chunk, or undefined when it has no valid keyword. */
export function readPngKeyword(data: Uint8Array): string | undefined {
  const end = data.subarray(0, MAX_KEYWORD_LENGTH + 1).indexOf(0);
  if (end < 1) return undefined;
  return String.fromCharCode(...data.subarray(0, end));
}

export interface InternationalText {
  keyword: string;
  compressed: boolean;
  languageTag: string;
  translatedKeyword: string;
  /** The text field, still encoded (UTF-8, or zlib data when `compressed`). */
  text: Uint8Array;
}

/** Splits iTXt data into its fields (PNG §11.3.4.5). */
export function parseITxt(data: Uint8Array): InternationalText {
  const keyword = readPngKeyword(data);
  if (keyword === undefined) fail('iTXt chunk has no keyword');
  let offset = keyword.length + 1;
  const compressionFlag = data[offset];
  const compressionMethod = data[offset + 1];
  if (compressionFlag === undefined || compressionMethod === undefined) fail('truncated iTXt chunk');
  if (compressionFlag > 1 || compressionMethod !== 0) fail('iTXt chunk has an unknown compression');
  offset += 2;
  const languageEnd = data.indexOf(0, offset);
  if (languageEnd < 0) fail('iTXt chunk has no language tag separator');
  const translatedEnd = data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) fail('iTXt chunk has no translated keyword separator');
  // Both fields are informative only; decode leniently rather than reject an image over them.
  const decoder = new TextDecoder('utf-8');
  return {
    keyword,
    compressed: compressionFlag === 1,
    languageTag: decoder.decode(data.subarray(offset, languageEnd)),
    translatedKeyword: decoder.decode(data.subarray(languageEnd + 1, translatedEnd)),
    text: data.subarray(translatedEnd + 1),
  };
}

/**
 * iTXt data with compression flag 0, method 0, empty language tag and translated keyword, as OB 3.0
 * §Baked Badge/PNG prescribes ("Compression MUST NOT be used").
 */
export function encodeITxt(options: { keyword: string; text: string }): Uint8Array {
  const keyword = new TextEncoder().encode(options.keyword);
  const text = new TextEncoder().encode(options.text);
  const data = new Uint8Array(keyword.length + 5 + text.length);
  data.set(keyword, 0);
  // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL.
  data.set([0, 0, 0, 0, 0], keyword.length);
  data.set(text, keyword.length + 5);
  return data;
}
