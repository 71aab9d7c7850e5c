import type { Context } from 'hono';
import { raw } from 'hono/html';
import { Layout } from '../shared/layout.js';
import { qrCodeSvg } from '../shared/render/qr-code.js';
import type { WebEnv } from '../shared/web-env.js';

export interface WalletPageProps {
  readonly c: Context<WebEnv>;
  readonly credentialId: string;
  readonly name: string;
  readonly exchange: {
    readonly lcwDeepLink: string;
    readonly interactionUrl: string;
    readonly completed: boolean;
  } | null;
  readonly offer: { readonly offerUri: string } | null;
}

/** The earner's "Add to wallet" page: one QR code per way in, each single-use and short-lived. */
export function WalletPage(props: WalletPageProps) {
  const { c, exchange, offer } = props;
  const t = c.get('t');
  const title = t('wallet.pageTitle', { name: props.name });
  const live = exchange !== null && !exchange.completed;
  return (
    <Layout c={c} title={title}>
      <h1>{title}</h1>
      {exchange?.completed === true ? (
        <p class="notice" role="status">
          {t('wallet.completed')}
        </p>
      ) : null}
      {!live && offer === null ? <p class="notice">{t('wallet.used')}</p> : <p>{t('wallet.expires')}</p>}
      <div class="grid">
        {!live ? null : (
          <section aria-labelledby="lcw-heading" data-wallet="lcw">
            <h2 id="lcw-heading">{t('wallet.lcwHeading')}</h2>
            <p>{t('wallet.lcwLead')}</p>
            <div class="qr">{raw(qrCodeSvg(exchange.lcwDeepLink, t('wallet.lcwQrAlt')))}</div>
            <p>
              <a class="button" href={exchange.lcwDeepLink} rel="noopener">
                {t('wallet.lcwOpen')}
              </a>
            </p>
            <p class="hint">
              {t('wallet.interaction')} <code class="wallet-address">{exchange.interactionUrl}</code>
            </p>
          </section>
        )}
        {offer === null ? null : (
          <section aria-labelledby="oid4vci-heading" data-wallet="oid4vci">
            <h2 id="oid4vci-heading">{t('wallet.oid4vciHeading')}</h2>
            <p>{t('wallet.oid4vciLead')}</p>
            <div class="qr">{raw(qrCodeSvg(offer.offerUri, t('wallet.oid4vciQrAlt')))}</div>
            <p>
              <a class="button secondary" href={offer.offerUri}>
                {t('wallet.oid4vciOpen')}
              </a>
            </p>
          </section>
        )}
      </div>
      <p>
        <a href={`/credentials/${props.credentialId}`}>{t('wallet.back')}</a>
      </p>
    </Layout>
  );
}
