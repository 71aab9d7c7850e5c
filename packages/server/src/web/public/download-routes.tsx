import { bakePng, bakeSvg } from '@microcred/vc';
import type { Hono } from 'hono';
import { defaultBadgeSvg } from '../../domain/achievement/default-badge-svg.js';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { DownloadFormat } from '../../domain/events/record-activity.js';
import { readStoredImage } from '../../domain/image/read-stored-image.js';
import { sanitizeSvg } from '../../domain/image/sanitize-svg.js';
import type { Achievement, CredentialRecord, Issuer } from '../../domain/ports/index.js';
import { readCredentialFields } from '../shared/credential-fields.js';
import { credentialStateWords } from '../shared/credential-state.js';
import { svgToPng } from '../shared/render/badge-png.js';
import { renderCertificatePdf } from '../shared/render/certificate-pdf.js';
import { qrCodePng } from '../shared/render/qr-code.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { visitorOf } from './credential-routes.js';

const DOWNLOAD_FORMAT_OF: Readonly<Record<string, DownloadFormat>> = {
  'badge.png': 'png',
  'badge.svg': 'svg',
  'credential.json': 'json',
  'credential-with-log-proof.json': 'json',
  'credential.jwt': 'jwt',
  'certificate.pdf': 'pdf',
};

function decodeDataImage(uri: string): { type: 'png' | 'svg'; bytes: Buffer } | null {
  const match = /^data:image\/(png|svg\+xml);base64,([A-Za-z0-9+/=]+)$/.exec(uri);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { type: match[1] === 'png' ? 'png' : 'svg', bytes: Buffer.from(match[2], 'base64') };
}

/** The badge as SVG: the issuer's own (sanitised), a PNG wrapped in SVG, or the generated badge. */
function badgeSvg(achievement: Achievement | null, fallbackName: string, issuerName: string): string {
  const image =
    achievement?.image === null || achievement === null ? null : decodeDataImage(achievement.image.id);
  if (image?.type === 'svg') return sanitizeSvg(image.bytes.toString('utf8'));
  if (image?.type === 'png') {
    return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="512" height="512" viewBox="0 0 512 512"><image width="512" height="512" href="data:image/png;base64,${image.bytes.toString('base64')}"/></svg>`;
  }
  return defaultBadgeSvg({ name: achievement?.name ?? fallbackName, issuerName });
}

/** The issuer's logo as a PNG for the certificate, or null when it has none that can be drawn. */
async function logoPng(issuer: Issuer | null): Promise<Uint8Array | null> {
  const stored = issuer === null ? undefined : readStoredImage(issuer.image);
  if (stored === undefined || stored.kind === 'link') return null;
  if (stored.mediaType === 'image/png') return stored.bytes;
  // A logo resvg cannot draw leaves the certificate without it rather than without a certificate.
  return svgToPng(new TextDecoder().decode(stored.bytes), { width: 288 }).catch(() => null);
}

async function badgePng(
  achievement: Achievement | null,
  fallbackName: string,
  issuerName: string,
): Promise<Uint8Array> {
  const image =
    achievement?.image === null || achievement === null ? null : decodeDataImage(achievement.image.id);
  if (image?.type === 'png') return new Uint8Array(image.bytes);
  return svgToPng(badgeSvg(achievement, fallbackName, issuerName));
}

function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80)}"`;
}

/**
 * Downloads of a credential its viewer may see: baked PNG and SVG (OB 3.0 baking, the credential inside),
 * the JSON, the VC-JWT, and a printable PDF certificate with a QR code to its page.
 */
export function mountDownloadRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  async function load(id: string, viewer: string | null) {
    const page = await platform.earners.viewCredential(id, viewer);
    const fields = readCredentialFields(page.credential.document);
    const baseName = `${fields.name}-${page.credential.id.slice(0, 8)}`;
    return { page, fields, baseName };
  }

  const baked = (record: CredentialRecord) => record.jwt ?? record.document;

  web.get('/credentials/:id/download/:file', async (c) => {
    const { page, fields, baseName } = await load(c.req.param('id'), c.get('earner')?.id ?? null);
    const record = page.credential;
    const issuerName = page.issuer?.name ?? fields.issuerName;
    const format = DOWNLOAD_FORMAT_OF[c.req.param('file')];
    if (format !== undefined) {
      await platform.events.recordDownload({ credentialId: record.id, format, visitor: visitorOf(c) });
    }
    switch (c.req.param('file')) {
      case 'badge.png': {
        const png = bakePng({
          image: await badgePng(page.achievement, fields.name, issuerName),
          credential: baked(record),
          replace: true,
        });
        return c.body(new Uint8Array(png), 200, {
          'Content-Type': 'image/png',
          'Content-Disposition': attachment(`${baseName}.png`),
        });
      }
      case 'badge.svg': {
        const svg = bakeSvg({
          svg: badgeSvg(page.achievement, fields.name, issuerName),
          credential: baked(record),
          replace: true,
        });
        return c.body(svg, 200, {
          'Content-Type': 'image/svg+xml',
          'Content-Disposition': attachment(`${baseName}.svg`),
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
        });
      }
      case 'credential.json':
        return c.body(JSON.stringify(record.document, null, 2), 200, {
          'Content-Type': 'application/vc+ld+json',
          'Content-Disposition': attachment(`${baseName}.json`),
        });
      case 'credential-with-log-proof.json': {
        // Beside the credential, never inside it: the signed document stays byte for byte as issued.
        const proof = await platform.transparencyLog.proof(c.get('earner')?.id ?? null, record.id);
        const logProof = {
          leafIndex: proof.leafIndex,
          treeSize: proof.treeSize,
          inclusionProof: proof.inclusionProof,
          checkpoint: proof.checkpoint,
        };
        return c.body(JSON.stringify({ credential: record.document, logProof }, null, 2), 200, {
          'Content-Type': 'application/json',
          'Content-Disposition': attachment(`${baseName}-log-proof.json`),
        });
      }
      case 'credential.jwt':
        return c.body(await platform.credentials.asJwt(record), 200, {
          'Content-Type': 'application/vc+jwt',
          'Content-Disposition': attachment(`${baseName}.jwt`),
        });
      case 'certificate.pdf': {
        const t = c.get('t');
        const pageUrl = `${platform.publicUrl}/credentials/${record.id}`;
        const pdf = await renderCertificatePdf({
          title: t('certificate.title'),
          achievementName: fields.name,
          recipientName: page.owner?.displayName ?? fields.recipientName,
          issuerName,
          description: fields.description,
          issuedAt: t.date(record.issuedAt),
          expiresAt: record.validUntil === null ? null : t.date(record.validUntil),
          pageUrl,
          qrPng: await qrCodePng(pageUrl),
          badgePng: await badgePng(page.achievement, fields.name, issuerName),
          brandColor: page.issuer?.brandColor ?? null,
          logoPng: await logoPng(page.issuer),
          language: t.locale,
          state: credentialStateWords(t, record, platform.now()),
          labels: {
            certifies: t('certificate.certifies'),
            hasEarned: t('certificate.hasEarned'),
            issuedOn: t('certificate.issuedOn'),
            expiresOn: t('certificate.expiresOn'),
            verifyAt: t('certificate.verifyAt'),
            issuedBy: t('certificate.issuedBy'),
            qrAlt: t('share.qrAlt'),
          },
        });
        return c.body(new Uint8Array(pdf), 200, {
          'Content-Type': 'application/pdf',
          'Content-Disposition': attachment(`${baseName}.pdf`),
        });
      }
      default:
        throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such download');
    }
  });
}
