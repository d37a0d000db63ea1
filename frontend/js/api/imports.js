// The administrators' imports (docs/operations.md): a file of cameras (POST /api/imports) or of
// commune boundaries (POST /api/cities/boundaries), sent with its progress. fetch() cannot tell how
// much of a body has gone, and a 100 MB file on a slow line must not look like a frozen screen: the
// upload is the one request sent through XMLHttpRequest, with the same contract as api/client.js
// (NetworkError for a failed line, ApiError with the problem+json for an answer).
import { ApiError, NetworkError } from './client.js';
import { session, clearSession } from './session.js';
import { language } from '../i18n/i18n.js';

export const CAMERAS_ROUTE = '/api/imports';
export const BOUNDARIES_ROUTE = '/api/cities/boundaries';

/**
 * Sends `form` (a FormData with the file) to `route`. `onProgress({sent, total})` is told as the
 * body goes, then `onSent()` once the server has it all and is importing. Resolves to the report.
 */
export function sendImport(route, form, { onProgress = () => {}, onSent = () => {} } = {}) {
  const account = session();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', route);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', language());
    if (account) xhr.setRequestHeader('Authorization', `Bearer ${account.token}`);
    xhr.upload.onprogress = (e) => onProgress({ sent: e.loaded, total: e.lengthComputable ? e.total : null });
    xhr.upload.onload = () => onSent();
    xhr.onerror = () => reject(new NetworkError(new Error('the upload failed')));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    xhr.onload = () => {
      let json = null;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(json);
        return;
      }
      const error = new ApiError(xhr.status, json);
      if (account && (xhr.status === 401 || error.suspended)) clearSession();
      reject(error);
    };
    xhr.send(form);
  });
}
