// The photos in the camera sheet: thumbnails linking to the full photo, and "add a photo" (on a
// phone it opens the camera). Built node by node; image addresses are only this server's paths.
import { h, fill, announce } from './dom.js';
import { t } from '../i18n/i18n.js';
import { cameraPhotos, isPhotoPath, MAX_PHOTO_BYTES } from '../api/photos.js';
import { addCameraPhoto } from '../api/offline-queue.js';
import { STORE_LIMIT_BYTES } from '../api/photo-store.js';
import { ApiError, NetworkError } from '../api/client.js';

/** The photos section for a camera; it loads the list itself. `readOnly` (an embedded map): no "add a photo". */
export function photosSection(cameraId, { readOnly = false } = {}) {
  const list = h('ul', { class: 'photo-list', 'aria-live': 'polite' });
  const status = h('p', { class: 'photo-status', role: 'status' });
  const section = h('section', { class: 'photos', 'aria-labelledby': 'photos-title' },
    h('h3', { id: 'photos-title' }, t('photos.title')),
    list,
    readOnly ? null : addPhotoActions(cameraId, list, status),
    status);
  load(cameraId, list, status);
  return section;
}

function addPhotoActions(cameraId, list, status) {
  const input = h('input', { type: 'file', accept: 'image/*', capture: 'environment', id: 'photo-input', class: 'visually-hidden' });
  input.addEventListener('change', () => upload(cameraId, input, list, status));
  // issue 17: the sign photographed, to show what it says (or that it names no one)
  const signInput = h('input', { type: 'file', accept: 'image/*', capture: 'environment', id: 'sign-photo-input', class: 'visually-hidden' });
  signInput.addEventListener('change', () => upload(cameraId, signInput, list, status, { sign: true }));
  return h('p', { class: 'actions' }, h('label', { class: 'button', for: 'photo-input' }, t('photos.add')), input,
    ' ', h('label', { class: 'button', for: 'sign-photo-input' }, t('photos.addSign')), signInput);
}

async function load(cameraId, list, status) {
  try {
    const photos = await cameraPhotos(cameraId);
    fill(list, photos.map(item).filter(Boolean));
    if (!photos.length) fill(status, t('photos.none'));
  } catch (e) {
    fill(status, e instanceof NetworkError ? t('photos.offline') : (e instanceof ApiError && e.missing ? '' : e.message));
  }
}

function item(photo) {
  if (!isPhotoPath(photo.url) || !isPhotoPath(photo.thumbnailUrl)) return null;
  const alt = photo.ofSign ? t('photos.signAlt', { id: photo.id }) : t('photos.alt', { id: photo.id });
  return h('li', { class: photo.ofSign ? 'photo-of-sign' : null }, h('a', { href: photo.url, target: '_blank', rel: 'noopener' },
    h('img', { src: photo.thumbnailUrl, alt, loading: 'lazy', class: 'photo-thumbnail', dataset: { photoId: String(photo.id) } })),
    photo.ofSign ? h('span', { class: 'photo-caption' }, t('photos.signCaption')) : null);
}

async function upload(cameraId, input, list, status, { sign = false } = {}) {
  const file = input.files && input.files[0];
  input.value = '';
  if (!file) return;
  if (file.size > MAX_PHOTO_BYTES) {
    fill(status, t('photos.tooLarge'));
    status.classList.add('error');
    return;
  }
  status.classList.remove('error');
  fill(status, t('photos.sending'));
  try {
    // without network the photo waits on the device (IndexedDB, up to STORE_LIMIT_BYTES)
    const result = await addCameraPhoto(cameraId, file, { sign });
    const megabytes = Math.round(STORE_LIMIT_BYTES / 1024 / 1024);
    if (result.full) {
      status.classList.add('error');
      return fill(status, t('photos.deviceFull', { mb: megabytes }));
    }
    if (result.queued) {
      fill(status, t(result.loginRequired ? 'photos.queuedLogin' : 'photos.queued', { mb: megabytes }));
      return announce(t('photos.queuedShort'));
    }
    const added = item(result.body);
    if (added) list.append(added);
    fill(status, t('photos.added'));
    announce(t('photos.added'));
  } catch (e) {
    status.classList.add('error');
    fill(status, failure(e));
  }
}

function failure(e) {
  if (e instanceof NetworkError) return t('photos.networkDown');
  if (!(e instanceof ApiError)) return e.message;
  if (e.status === 401) return [t('photos.loginRequired'), e.problem && e.problem.detail].filter(Boolean).join(' ');
  if (e.status === 403) return t('photos.forbidden');
  return t('photos.refused', { reason: e.message });
}
