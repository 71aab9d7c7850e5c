import type { Context } from 'hono';
import type { WebEnv } from './web-env.js';

/**
 * A credential's address with the ways to pass it on from here: copy it, or open the device's own share
 * sheet (a phone's) where the browser has one. Both buttons are site.js's and stay hidden without it; the
 * address is written out whole, so it can still be selected and copied by hand.
 */
export function ShareLink(props: {
  readonly c: Context<WebEnv>;
  readonly credentialId: string;
  /** The credential's public page. */
  readonly url: string;
  /** What the share sheet offers with the address: the credential's name and a sentence about it. */
  readonly title: string;
  readonly text: string;
}) {
  const t = props.c.get('t');
  const beacon = `/credentials/${props.credentialId}/events/link`;
  return (
    <div class="share-link">
      <p>
        <span class="share-link-label">{t('share.link')}</span>{' '}
        <code id="share-link" class="share-url">
          {props.url}
        </code>
      </p>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          data-share-url={props.url}
          data-share-title={props.title}
          data-share-text={props.text}
          data-beacon={beacon}
          hidden
        >
          {t('share.native')}
        </button>
        <button
          type="button"
          class="secondary"
          data-copy="share-link"
          data-copied={t('share.linkCopied')}
          data-copy-failed={t('share.copyFailed')}
          data-beacon={beacon}
          hidden
        >
          {t('share.copyLink')}
        </button>
        <span id="share-link-status" role="status"></span>
      </div>
    </div>
  );
}
