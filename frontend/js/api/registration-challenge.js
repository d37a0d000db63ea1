// The proof of work that registration costs (ALTCHA, no third party): fetched and solved in a Web
// Worker as soon as the registration form opens, so that it is ready, or nearly, when the volunteer
// has typed a name and a password. Resolves to the `altcha` value POST /api/auth/register wants.
import { request } from './client.js';

/** Starts solving a fresh challenge; the promise resolves to base64 of the ALTCHA payload. */
export function solveRegistrationChallenge() {
  return request('GET', '/api/auth/challenge').then(({ body }) => solve(body).then((number) => btoa(JSON.stringify({
    algorithm: body.algorithm, challenge: body.challenge, number, salt: body.salt, signature: body.signature,
  }))));
}

function solve(challenge) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./altcha-worker.js', import.meta.url));
    worker.onmessage = (event) => {
      worker.terminate();
      if (event.data.error) reject(new Error(event.data.error));
      else resolve(event.data.number);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the challenge could not be solved'));
    };
    worker.postMessage({ challenge: challenge.challenge, salt: challenge.salt, maxnumber: challenge.maxnumber });
  });
}

/** True when a refused registration blames the challenge (expired, used): a new one may be solved. */
export function challengeRefused(error) {
  return Boolean(error && error.status === 400 && Array.isArray(error.errors)
    && error.errors.length > 0 && error.errors.every((e) => e.field === 'altcha'));
}
