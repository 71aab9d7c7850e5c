import type { CredentialInput } from '@microcred/vc';
import { isServerError, ServerErrorCode } from '../../../domain/error/server-error.js';
import type { Platform } from '../../../domain/platform.js';
import type { Translator } from '../../../i18n/translate.js';
import { userMessage } from '../user-message.js';
import { fetchCredential } from './fetch-credential.js';
import { readUpload, UPLOAD_LIMIT_BYTES } from './read-upload.js';

/** The names of the three ways `CredentialSourceForm` offers to give a credential. */
export const SOURCE_FIELD = { file: 'file', text: 'text', url: 'url' } as const;

/** What a "file, paste or link" form gave, read into what the verifier and the import take. */
export type CredentialSource =
  /** The credential, and the link it was fetched from (null for a file or pasted text). */
  | { readonly kind: 'read'; readonly input: CredentialInput; readonly url: string | null }
  /** All three fields were left empty. */
  | { readonly kind: 'empty' }
  /** The file, text or link could not be read: `message` tells the person why, in their language. */
  | { readonly kind: 'refused'; readonly message: string };

/** Words for a source that could not be read; null for a fault of ours, which stays an error. */
function refusalMessage(t: Translator, error: unknown): string | null {
  if (!isServerError(error)) return null;
  switch (error.code) {
    case ServerErrorCode.INTERNAL:
      return null;
    case ServerErrorCode.PAYLOAD_TOO_LARGE:
      return t('upload.tooLarge', { limit: Math.round(UPLOAD_LIMIT_BYTES / 1024 / 1024) });
    case ServerErrorCode.UNSUPPORTED_MEDIA_TYPE:
      return t('upload.wrongType');
    case ServerErrorCode.NOT_FOUND:
      return t('verify.urlNotFound');
    case ServerErrorCode.RESOURCE_UNAVAILABLE:
      return t('verify.urlUnavailable');
    default:
      return userMessage(error, t);
  }
}

/**
 * Reads a posted "file, paste or link" form: the file if one was chosen, else the pasted text, else the
 * link (this platform's own credential pages with the viewer's rights, anything else through the
 * platform's guarded fetcher). The /verify page and the account import both take their credential here.
 */
export async function readCredentialSource({
  platform,
  form,
  viewer,
  t,
}: {
  readonly platform: Platform;
  readonly form: Readonly<Record<string, unknown>>;
  /** The signed-in earner, whose private credentials a link to this platform may name. */
  readonly viewer: string | null;
  readonly t: Translator;
}): Promise<CredentialSource> {
  const text = form[SOURCE_FIELD.text];
  const url = form[SOURCE_FIELD.url];
  try {
    const upload = await readUpload(form[SOURCE_FIELD.file]);
    if (upload !== null) return { kind: 'read', input: upload, url: null };
    const pasted = typeof text === 'string' ? text.trim() : '';
    if (pasted !== '') return { kind: 'read', input: pasted, url: null };
    const link = typeof url === 'string' ? url.trim() : '';
    if (link === '') return { kind: 'empty' };
    return { kind: 'read', input: await fetchCredential(platform, link, viewer), url: link };
  } catch (error) {
    const message = refusalMessage(t, error);
    if (message === null) throw error;
    return { kind: 'refused', message };
  }
}
