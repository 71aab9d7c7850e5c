// The photo pool's worker thread (see photo-pool.ts): piscina calls the default export per uploaded file.
import { preparePhoto } from '../domain/image/photo/prepare-photo.js';

export default preparePhoto;
