import type { Translator } from '../../i18n/translate.js';

/** The badge at the head of a credential, claim or achievement page. */
export function BadgeImage(props: { readonly t: Translator; readonly src: string; readonly name: string }) {
  return (
    <img
      class="badge"
      src={props.src}
      alt={props.t('credential.badgeAlt', { name: props.name })}
      width="224"
      height="224"
    />
  );
}
