// The only place that calls fetch, but for js/first-view.js, whose early answer it takes. It tells
// a network failure (NetworkError: keep the work and retry later) from an answer the server gave
// (ApiError, with the problem+json details). Writes carry the account's bearer token; a 401 to a
// request that carried one means the token is dead.
import { session, clearSession } from './session.js';
import { language } from '../i18n/i18n.js';

export class NetworkError extends Error {
  constructor(cause) {
    super('network unavailable');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

export class ApiError extends Error {
  /** @param {number} status @param {object|null} problem the RFC 9457 body when there is one */
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.errors = (problem && Array.isArray(problem.errors)) ? problem.errors : [];
  }

  /** The server wants an account: log in, then send again. */
  get loginRequired() {
    return this.status === 401 && !(this.problem && this.problem.type === '/problems/bad-credentials');
  }

  /** The account is suspended (issue 14): its session is over, and the problem says why and until when. */
  get suspended() {
    return this.status === 403 && String(this.problem?.type || '').endsWith('/account-suspended');
  }

  /** The endpoint does not exist on this server (yet): a feature not deployed. */
  get missing() {
    return this.status === 404 || this.status === 405 || this.status === 501;
  }
}

/**
 * Sends a request and parses the JSON answer. Resolves to {body, etag}; rejects with NetworkError,
 * ApiError, or an AbortError when `signal` was aborted.
 */
export async function request(method, url, { body, headers = {}, signal } = {}) {
  let response;
  const account = method === 'GET' ? null : session();
  // A FormData body (a photo) goes as multipart, with the boundary the browser sets; anything else as JSON.
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  const first = method === 'GET' ? early(url) : null;
  try {
    response = await (first || fetch(url, {
      method,
      signal,
      headers: {
        Accept: 'application/geo+json, application/json',
        // the server's problem titles and details come in the app's language
        'Accept-Language': language(),
        ...(body && !form ? { 'Content-Type': 'application/json' } : {}),
        ...(account ? { Authorization: `Bearer ${account.token}` } : {}),
        ...headers,
      },
      body: body ? (form ? body : JSON.stringify(body)) : undefined,
    }));
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    leftBy(signal);
    throw new NetworkError(e);
  }
  // an early answer was not asked with the caller's signal: it must not bring back a view left meanwhile
  leftBy(signal);
  const text = await response.text();
  leftBy(signal);
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  const error = response.ok ? null : new ApiError(response.status, json);
  // a dead token: unknown, expired or revoked (401), or its account suspended
  if (account && (response.status === 401 || error?.suspended)) clearSession();
  if (error) throw error;
  return { body: json, etag: response.headers.get('ETag') };
}

/**
 * The first view's answer if js/first-view.js asked for this very URL before the modules ran. The
 * map's first request for counts takes it or drops it: a later one would be answered from the past.
 */
function early(url) {
  const first = globalThis.vigieFirstView;
  if (!first || !url.startsWith('/api/cameras/clusters?')) return null;
  globalThis.vigieFirstView = null;
  return first.url === url ? first.response : null;
}

function leftBy(signal) {
  if (signal && signal.aborted) throw new DOMException('The view was left', 'AbortError');
}

export const get = (url, options) => request('GET', url, options).then((r) => r.body);
