// Photos of a camera. The server re-encodes every upload without its metadata (GPS position included).
import { get, request } from './client.js';

/** The largest upload the server accepts: checked here too, to spare a phone the sending. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export const cameraPhotos = (cameraId) => get(`/api/cameras/${encodeURIComponent(cameraId)}/photos`);

/**
 * Sends one image file as the multipart field "file", with sign=true for a photo of the camera's sign
 * (issue 17); resolves to the photo {id, url, thumbnailUrl, ofSign, ...}.
 */
export function addPhoto(cameraId, file, { sign = false } = {}) {
  const form = new FormData();
  form.append('file', file, file.name || 'photo');
  if (sign) form.append('sign', 'true');
  return request('POST', `/api/cameras/${encodeURIComponent(cameraId)}/photos`, { body: form }).then((r) => r.body);
}

/** Only this server's photo paths are ever put in the page: nothing makes the browser ask elsewhere. */
export const isPhotoPath = (url) => typeof url === 'string' && /^\/api\/photos\/\d+(\/thumbnail)?$/.test(url);
