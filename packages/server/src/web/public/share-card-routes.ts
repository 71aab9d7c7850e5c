import type { Context, Hono } from 'hono';
import { etag } from 'hono/etag';
import { DEFAULT_LOCALE, type Translator, translator } from '../../i18n/translate.js';
import { readCredentialFields } from '../shared/credential-fields.js';
import { renderShareCard, SHARE_CARD_HEIGHT, SHARE_CARD_WIDTH } from '../shared/render/share-card.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';

/** The words and size a page's Open Graph tags give its share card. */
export interface ShareCardLink {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
}

/**
 * The card's URL for a page at `pagePath`, in the page's language: crawlers fetch it without the
 * visitor's cookie, so the language travels in the query.
 */
export function shareCardLink(options: { pageUrl: string; t: Translator; alt: string }): ShareCardLink {
  return {
    url: `${options.pageUrl}/share-card.png?lang=${encodeURIComponent(options.t.locale)}`,
    width: SHARE_CARD_WIDTH,
    height: SHARE_CARD_HEIGHT,
    alt: options.alt,
  };
}

const cardLanguage = (c: Context<WebEnv>) => translator(c.req.query('lang') ?? DEFAULT_LOCALE);

function png(c: Context<WebEnv>, bytes: Uint8Array) {
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': 'image/png',
    // Link-preview crawlers fetch once per share; a short life lets a hidden credential or a renamed
    // achievement drop out soon, and the ETag saves the bytes when nothing changed.
    'Cache-Control': 'public, max-age=300',
    'X-Content-Type-Options': 'nosniff',
  });
}

/**
 * 1200×630 PNG previews for link unfurls, next to the pages that name them in `og:image`: a credential's
 * (only while anyone may see its page: a private one answers 404 as its page does), a published
 * achievement's, and a public portfolio's.
 */
export function mountShareCardRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  const paths = [
    '/credentials/:id/share-card.png',
    '/achievements/:id/share-card.png',
    '/u/:handle/share-card.png',
  ];
  for (const path of paths) web.use(path, etag());

  web.get('/credentials/:id/share-card.png', async (c) => {
    const t = cardLanguage(c);
    // Seen as a stranger sees it, whoever asks: the card is for pages people share.
    const page = await platform.earners.viewCredential(c.req.param('id'), null);
    const fields = readCredentialFields(page.credential.document);
    const recipient = page.owner?.displayName ?? fields.recipientName;
    const issuer = page.issuer?.name ?? fields.issuerName;
    return png(
      c,
      await renderShareCard({
        kicker: t('shareCard.credential'),
        title: fields.name,
        subtitle: recipient === null ? null : t('shareCard.earnedBy', { name: recipient }),
        footer: t('shareCard.issuedBy', { issuer }),
        brandColor: page.issuer?.brandColor ?? null,
      }),
    );
  });

  web.get('/achievements/:id/share-card.png', async (c) => {
    const t = cardLanguage(c);
    const { achievement, issuer } = await platform.achievements.viewPublic(c.req.param('id'));
    return png(
      c,
      await renderShareCard({
        kicker: t('shareCard.achievement'),
        title: achievement.name,
        subtitle: null,
        footer: t('shareCard.issuedBy', { issuer: issuer?.name ?? '' }),
        brandColor: issuer?.brandColor ?? null,
      }),
    );
  });

  web.get('/u/:handle/share-card.png', async (c) => {
    const t = cardLanguage(c);
    const { earner, photo } = await platform.earners.publicPortfolio(c.req.param('handle'));
    const handle = earner.handle ?? c.req.param('handle');
    const photoBytes =
      photo === null
        ? null
        : await platform.earners.ownPhotoBytes(earner.id, { digest: photo.digest, size: 'large' });
    return png(
      c,
      await renderShareCard({
        kicker: t('shareCard.portfolio'),
        title: earner.displayName ?? handle,
        subtitle: t('shareCard.portfolioLead'),
        footer: `${new URL(platform.publicUrl).host}/u/${handle}`,
        photo: photoBytes,
      }),
    );
  });
}
