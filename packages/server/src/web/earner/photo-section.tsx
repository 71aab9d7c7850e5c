import type { Context } from 'hono';
import type { PhotoProblem } from '../../domain/image/photo/prepare-photo.js';
import { PHOTO_LIMITS } from '../../domain/image/photo/prepare-photo.js';
import type { Earner, EarnerPhoto, PhotoSize } from '../../domain/ports/index.js';
import type { Translator } from '../../i18n/translate.js';
import { PostForm } from '../shared/layout.js';
import { photoFileName } from '../shared/photo-file.js';
import type { WebEnv } from '../shared/web-env.js';

/** The field's name in the upload form. */
export const PHOTO_FIELD = 'photo';

const MEGABYTES = PHOTO_LIMITS.bytes / 1024 / 1024;

/** The words for why a file was refused as a photo. */
export function photoProblemText(t: Translator, problem: PhotoProblem): string {
  switch (problem) {
    case 'empty':
      return t('photo.error.empty');
    case 'too-large':
      return t('photo.error.tooLarge', { megabytes: MEGABYTES });
    case 'not-an-image':
      return t('photo.error.notAnImage');
    case 'too-many-pixels':
      return t('photo.error.tooManyPixels', { side: PHOTO_LIMITS.side });
    case 'unreadable':
      return t('photo.error.unreadable');
  }
}

/** The earner's own copy of a square of their photo: theirs to see, whether or not the portfolio is public. */
const ownPhotoUrl = (photo: EarnerPhoto, size: PhotoSize) => `/account/photo/${photoFileName(photo, size)}`;

/** `/account/settings`: the portfolio header's photo, uploaded, replaced or removed. */
export function PhotoSection(props: {
  readonly c: Context<WebEnv>;
  readonly earner: Earner;
  readonly photo: EarnerPhoto | null;
  readonly problem?: PhotoProblem;
}) {
  const { c, earner, photo } = props;
  const t = c.get('t');
  const error = props.problem === undefined ? null : photoProblemText(t, props.problem);
  const name = earner.displayName ?? earner.handle ?? '';
  return (
    <section aria-labelledby="photo-heading" class="photo-settings">
      <h2 id="photo-heading">{t('photo.heading')}</h2>
      <p class="hint">{t('photo.lead')}</p>
      {earner.handle === null ? <p class="hint">{t('photo.private')}</p> : null}
      <div class="photo-settings-body">
        {photo === null ? (
          <p class="muted" data-photo="none">
            {t('photo.none')}
          </p>
        ) : (
          <img
            class="photo-preview"
            src={ownPhotoUrl(photo, 'small')}
            srcset={`${ownPhotoUrl(photo, 'large')} 2x`}
            alt={name}
            width="128"
            height="128"
            data-photo={photo.digest}
          />
        )}
        <div>
          <PostForm c={c} action="/account/photo" multipart>
            <label for="photo-file">{t('photo.file')}</label>
            <input
              id="photo-file"
              type="file"
              name={PHOTO_FIELD}
              accept="image/jpeg,image/png,image/webp"
              required
              data-max-bytes={PHOTO_LIMITS.bytes}
              data-too-large={t('photo.error.tooLarge', { megabytes: MEGABYTES })}
              aria-invalid={error === null ? undefined : 'true'}
              aria-describedby={error === null ? 'photo-hint' : 'photo-hint photo-error'}
            />
            <p class="hint" id="photo-hint">
              {t('photo.hint', { megabytes: MEGABYTES, side: PHOTO_LIMITS.side })}
            </p>
            {error === null ? null : (
              <p class="field-error" id="photo-error">
                {error}
              </p>
            )}
            <div class="actions">
              <button type="submit">{photo === null ? t('photo.upload') : t('photo.replace')}</button>
            </div>
          </PostForm>
          {photo === null ? null : (
            <PostForm c={c} action="/account/photo/remove" confirm={t('photo.removeConfirm')}>
              <div class="actions">
                <button type="submit" class="secondary">
                  {t('photo.remove')}
                </button>
              </div>
            </PostForm>
          )}
        </div>
      </div>
    </section>
  );
}
