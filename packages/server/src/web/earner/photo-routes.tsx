import type { Hono } from 'hono';
import { isServerError, ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import { PHOTO_LIMITS, type PhotoProblem } from '../../domain/image/photo/prepare-photo.js';
import { parsePhotoFile, photoResponse } from '../shared/photo-file.js';
import { readForm, requireEarner } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { PHOTO_FIELD } from './photo-section.js';
import { renderSettings } from './settings-routes.js';

// The file plus the multipart framing and the form token.
const PHOTO_REQUEST_LIMIT_BYTES = PHOTO_LIMITS.bytes + 64 * 1024;

/**
 * `/account/photo`: uploading (or replacing) and removing the portfolio header's photo, and the earner's
 * own view of it (shown in settings even while the portfolio is not public).
 */
export function mountPhotoRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.post('/account/photo', async (c) => {
    const earner = requireEarner(c);
    const refuse = (problem: PhotoProblem) =>
      renderSettings(
        c,
        platform,
        { error: c.get('t')('photo.refused'), photoProblem: problem },
        problem === 'too-large' ? 413 : 400,
      );
    // Refused on its declared size, before a byte of it is read; one that lied is cut off as it streams.
    if (Number(c.req.header('Content-Length') ?? 0) > PHOTO_REQUEST_LIMIT_BYTES) return refuse('too-large');
    let form: Record<string, unknown>;
    try {
      form = await readForm(c);
    } catch (error) {
      if (isServerError(error) && error.code === ServerErrorCode.PAYLOAD_TOO_LARGE)
        return refuse('too-large');
      throw error;
    }
    const file = form[PHOTO_FIELD];
    if (!(file instanceof File) || file.size === 0) return refuse('empty');
    if (file.size > PHOTO_LIMITS.bytes) return refuse('too-large');
    const outcome = await platform.earners.setPhoto(earner.id, new Uint8Array(await file.arrayBuffer()));
    if (!outcome.ok) return refuse(outcome.problem);
    return c.redirect('/account/settings?done=photo#photo-heading', 303);
  });

  web.post('/account/photo/remove', async (c) => {
    const earner = requireEarner(c);
    await readForm(c);
    await platform.earners.removePhoto(earner.id);
    return c.redirect('/account/settings?done=photo-removed#photo-heading', 303);
  });

  // The settings page's preview; like every /account page it is not kept by caches (no-store).
  web.get('/account/photo/:file', async (c) => {
    const earner = requireEarner(c);
    const photo = parsePhotoFile(c.req.param('file'));
    if (photo === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such photo');
    const bytes = await platform.earners.ownPhotoBytes(earner.id, photo);
    return photoResponse(c, bytes, photo, 'private, no-store');
  });
}
