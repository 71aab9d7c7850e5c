import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { PostForm } from '../layout.js';
import type { WebEnv } from '../web-env.js';
import { SOURCE_FIELD } from './read-credential-source.js';

const CREDENTIAL_FILE_TYPES = '.json,.jwt,.png,.svg,application/json,image/png,image/svg+xml';

/**
 * A credential from a file (chosen or dropped), pasted JSON or JWT, or a link; `readCredentialSource`
 * reads what it posts. `idPrefix` keeps the fields' ids apart when a page has more than one form.
 */
export function CredentialSourceForm(props: {
  readonly c: Context<WebEnv>;
  readonly action: string;
  readonly idPrefix: string;
  readonly labels: {
    readonly file: string;
    readonly fileHint?: string;
    readonly paste: string;
    readonly url: string;
    readonly submit: string;
  };
  /** The link given last time, shown again beside its result. */
  readonly url?: string;
  /** Fields of the page's own, shown after the credential's and before the button. */
  readonly children?: Child;
}) {
  const { c, idPrefix, labels } = props;
  return (
    <PostForm c={c} action={props.action} multipart>
      <div class="dropzone" data-dropzone>
        <label for={`${idPrefix}-file`}>{labels.file}</label>
        <input id={`${idPrefix}-file`} type="file" name={SOURCE_FIELD.file} accept={CREDENTIAL_FILE_TYPES} />
        <span data-dropzone-name class="hint"></span>
        {labels.fileHint === undefined ? null : <p class="hint">{labels.fileHint}</p>}
      </div>
      <label for={`${idPrefix}-text`}>{labels.paste}</label>
      <textarea id={`${idPrefix}-text`} name={SOURCE_FIELD.text} spellcheck={false}></textarea>
      <label for={`${idPrefix}-url`}>{labels.url}</label>
      <input
        id={`${idPrefix}-url`}
        type="url"
        name={SOURCE_FIELD.url}
        placeholder="https://"
        value={props.url ?? ''}
      />
      {props.children}
      <div class="actions">
        <button type="submit">{labels.submit}</button>
      </div>
    </PostForm>
  );
}
