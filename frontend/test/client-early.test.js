// node --test frontend/test: the map's first request for counts takes the answer js/first-view.js
// asked for before the modules ran, only for the very same URL, never for a view left meanwhile,
// and drops it otherwise, so that no later request is answered from the page's start.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

globalThis.localStorage = { getItem: () => null, setItem() {}, removeItem() {} };
globalThis.addEventListener = () => {};
const { get, NetworkError } = await import('../js/api/client.js');

const URL_FIRST = '/api/cameras/clusters?bbox=1.000000%2C2.000000%2C3.000000%2C4.000000&zoom=6';
let fetched;
beforeEach(() => {
  fetched = [];
  globalThis.fetch = async (url) => { fetched.push(url); return new Response('{"from":"network"}'); };
});
const early = (response) => { globalThis.vigieFirstView = { url: URL_FIRST, response }; };

test('the same URL takes the early answer, once', async () => {
  early(Promise.resolve(new Response('{"from":"early"}')));
  assert.deepEqual(await get(URL_FIRST), { from: 'early' });
  assert.equal(globalThis.vigieFirstView, null);
  assert.deepEqual(await get(URL_FIRST), { from: 'network' });
  assert.deepEqual(fetched, [URL_FIRST]);
});

test('another view asks the network and drops the early answer', async () => {
  early(Promise.resolve(new Response('{"from":"early"}')));
  const other = URL_FIRST.replace('zoom=6', 'zoom=7');
  assert.deepEqual(await get(other), { from: 'network' });
  assert.equal(globalThis.vigieFirstView, null, 'a later request for the first URL will not be answered from the past');
  assert.deepEqual(fetched, [other]);
});

test('requests that are not counts leave it alone', async () => {
  early(Promise.resolve(new Response('{"from":"early"}')));
  await get('/api/config');
  assert.equal(globalThis.vigieFirstView.url, URL_FIRST);
});

test('a view left while the early answer was on its way is not drawn', async () => {
  let arrive;
  early(new Promise((resolve) => { arrive = resolve; }));
  const controller = new AbortController();
  const pending = get(URL_FIRST, { signal: controller.signal });
  controller.abort();
  arrive(new Response('{"from":"early"}'));
  await assert.rejects(pending, { name: 'AbortError' });
});

test('a view left before its failed early answer is an abort, not a network failure', async () => {
  let fail;
  early(new Promise((resolve, reject) => { fail = reject; }));
  const controller = new AbortController();
  const pending = get(URL_FIRST, { signal: controller.signal });
  controller.abort();
  fail(new TypeError('Failed to fetch'));
  await assert.rejects(pending, { name: 'AbortError' });
});

test('a failed early answer for a view still shown is a network failure', async () => {
  early(Promise.reject(new TypeError('Failed to fetch')));
  await assert.rejects(get(URL_FIRST, { signal: new AbortController().signal }), NetworkError);
});
