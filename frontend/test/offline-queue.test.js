// node --test frontend/test: writes wait on the device when the network fails, and a refusal never drops them.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

const store = new Map();
globalThis.localStorage = {
  getItem: (k) => (store.has(k) ? store.get(k) : null),
  setItem: (k, v) => store.set(k, String(v)),
  removeItem: (k) => store.delete(k),
};
let answer; // what the next fetch does: 'offline', or a status code
let problemExtra = {}; // more fields of the next refusal's problem
const sent = [];
const urls = [];
const headersSent = [];
globalThis.fetch = async (url, init) => {
  if (answer === 'offline') throw new TypeError('Failed to fetch');
  sent.push(JSON.parse(init.body));
  headersSent.push(init.headers);
  urls.push(url);
  const body = answer === 201 ? '{"id": 1}' : answer === 'portal' ? '<html>Wi-Fi login</html>'
    : JSON.stringify({ status: answer, detail: 'bad', errors: [{ field: 'kind', reason: 'unknown' }], ...problemExtra });
  problemExtra = {};
  if (answer === 'portal') return new Response(body, { status: 200, headers: { 'Content-Type': 'text/html' } });
  return new Response(body, { status: answer, headers: { 'Content-Type': 'application/json' } });
};

const { addCamera, write, pending, onDevice, waiting, refused, settle, discard, flush } = await import('../js/api/offline-queue.js');
const feature = (name) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [5, 45] }, properties: { operator: name } });

beforeEach(() => {
  store.clear();
  sent.length = 0;
});

test('an addition is sent at once when the network answers', async () => {
  answer = 201;
  assert.deepEqual(await addCamera(feature('a')), { queued: false, body: { id: 1 } });
  assert.equal(pending().length, 0);
});

test('without network it waits, and is sent in order when the network is back', async () => {
  answer = 'offline';
  assert.deepEqual(await addCamera(feature('a')), { queued: true });
  await addCamera(feature('b'));
  assert.equal(pending().length, 2);
  assert.equal(await flush(), 0, 'still offline: nothing sent, nothing lost');
  assert.equal(pending().length, 2);
  answer = 201;
  assert.equal(await flush(), 2);
  assert.deepEqual(sent.map((f) => f.properties.operator), ['a', 'b']);
  assert.equal(pending().length, 0);
});

test('a refusal from the server is reported to the open form, and a later one keeps the item with its reason', async () => {
  answer = 400;
  await assert.rejects(addCamera(feature('bad')), (e) => e.name === 'ApiError' && e.errors[0].field === 'kind');
  assert.equal(pending().length, 0, 'the form that is still open shows the refusal');

  answer = 'offline';
  await addCamera(feature('later refused'));
  await addCamera(feature('behind it'));
  answer = 400;
  const rejected = [];
  assert.equal(await flush({ onRejected: (item) => rejected.push(item.feature.properties.operator) }), 0);
  assert.deepEqual(rejected, ['later refused', 'behind it']);
  assert.equal(pending().length, 2, 'nothing is dropped without the volunteer');
  assert.deepEqual(refused()[0].refused.errors, [{ field: 'kind', reason: 'unknown' }]);
  assert.equal(waiting().length, 0, 'set aside: the refused items no longer block the queue');

  answer = 201;
  assert.equal(await flush(), 0, 'a refused item is not sent again on its own');
  discard(refused()[0].id);
  assert.deepEqual(pending().map((i) => i.feature.properties.operator), ['behind it']);
});

test('a suspected duplicate sent again as another camera goes with confirmDuplicate and the same key', async () => {
  answer = 'offline';
  await addCamera(feature('twin?'));
  answer = 409;
  problemExtra = { type: '/problems/duplicate-suspected', nearby: [42] };
  headersSent.length = 0;
  await flush();
  const [item] = refused();
  assert.deepEqual(item.refused.nearby, [42]);
  settle(item.id, { confirmDuplicate: true });
  answer = 201;
  assert.equal(await flush(), 1);
  assert.match(urls.at(-1), /confirmDuplicate=true/);
  assert.equal(headersSent.at(-1)['Idempotency-Key'], item.id);
  assert.equal(pending().length, 0);
});

test('a suspected duplicate turned into a confirmation of the camera it repeats is sent as one', async () => {
  answer = 'offline';
  await addCamera(feature('same one'));
  answer = 409;
  problemExtra = { type: '/problems/duplicate-suspected', nearby: [42] };
  await flush();
  settle(refused()[0].id, { type: 'confirm', cameraId: 42, feature: undefined });
  answer = 201;
  assert.equal(await flush(), 1);
  assert.equal(urls.at(-1), '/api/cameras/42/confirmations');
  assert.equal(pending().length, 0);
});

test('confirmations, reports and edits wait too, and go out once each, in order', async () => {
  answer = 'offline';
  assert.deepEqual(await write({ type: 'confirm', cameraId: 7 }), { queued: true });
  await write({ type: 'report', cameraId: 8, reason: 'gone' });
  await write({ type: 'edit', cameraId: 9, version: 3, feature: feature('edited') });
  answer = 201;
  urls.length = 0;
  headersSent.length = 0;
  assert.equal(await flush(), 3);
  assert.deepEqual(urls, ['/api/cameras/7/confirmations', '/api/cameras/8/reports', '/api/cameras/9']);
  assert.deepEqual(sent.slice(-2, -1), [{ reason: 'gone' }]);
  assert.equal(headersSent[2]['If-Match'], '"3"');
  assert.equal(pending().length, 0);
  assert.equal(await flush(), 0, 'nothing sent twice');
});

test('a server down for now (503) or a captive portal keeps the addition for later', async () => {
  answer = 503;
  assert.deepEqual(await addCamera(feature('a')), { queued: true });
  answer = 'portal';
  assert.deepEqual(await addCamera(feature('b')), { queued: true });
  assert.equal(await flush(), 0);
  assert.equal(pending().length, 2);
  answer = 201;
  assert.equal(await flush(), 2);
  assert.equal(pending().length, 0);
});

test('an addition queued while the queue is being sent is kept, and nothing is sent twice', async () => {
  answer = 'offline';
  await addCamera(feature('a'));
  await addCamera(feature('b'));
  answer = 201;
  const first = flush();
  const second = flush(); // another 'online' event at the same moment
  // queued while the first send is on its way
  answer = 'offline';
  await addCamera(feature('c'));
  answer = 201;
  assert.equal(await first, await second);
  assert.deepEqual(sent.map((f) => f.properties.operator).filter((n) => n !== 'c'), ['a', 'b']);
  assert.equal(new Set(sent.map((f) => f.properties.operator)).size, sent.length, 'none sent twice');
  await flush();
  assert.equal(pending().length, 0);
  assert.deepEqual(sent.map((f) => f.properties.operator).sort(), ['a', 'b', 'c']);
});

test('an addition refused for want of an account waits for the login, then goes with the token', async () => {
  answer = 401;
  assert.deepEqual(await addCamera(feature('draft')), { queued: true, loginRequired: true });
  assert.equal(await flush(), 0, 'still not logged in: kept');
  assert.equal(pending().length, 1);
  const { saveSession } = await import('../js/api/session.js');
  saveSession({ token: 'tok', username: 'lea', role: 'volunteer' });
  answer = 201;
  headersSent.length = 0;
  assert.equal(await flush(), 1);
  assert.equal(pending().length, 0);
  assert.equal(headersSent[0].Authorization, 'Bearer tok');
});

test('a confirmed duplicate stays confirmed in the queue', async () => {
  answer = 'offline';
  await addCamera(feature('twin'), { confirmDuplicate: true });
  assert.equal(pending()[0].confirmDuplicate, true);
});

test('every sending of one addition carries the same Idempotency-Key, another addition another one', async () => {
  headersSent.length = 0;
  answer = 503; // stored by the server, say, but the answer never came
  await addCamera(feature('lost answer'));
  answer = 201;
  await flush();
  await addCamera(feature('another'));
  const keys = headersSent.map((h) => h['Idempotency-Key']);
  assert.equal(keys.length, 3);
  assert.ok(keys[0], 'a key is sent');
  assert.equal(keys[1], keys[0], 'the retry sends the same key');
  assert.notEqual(keys[2], keys[0], 'a new addition has its own key');
});

test('a save the server does not answer in time is kept on the device, and its late answer settles it', async () => {
  // the signal stalls: the request neither fails nor succeeds until the test lets it
  let release;
  const stalled = new Promise((resolve) => { release = resolve; });
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url, init) => { await stalled; return realFetch(url, init); };
  try {
    answer = 201;
    const kept = write({ type: 'add', feature: feature('stalled') }, { slowAfter: 20 });
    assert.equal(pending().length, 1, 'kept before it leaves: closing the app now loses nothing');
    assert.equal(onDevice().length, 0, 'while the form says "sending", it is not shown as waiting');
    assert.deepEqual(await kept, { queued: true, slow: true }, 'the form stops waiting');
    assert.equal(onDevice().length, 1, 'then it is');
    assert.equal(await flush(), 0, 'the queue leaves it to the sending under way: no second copy');
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(pending().length, 0, 'the late answer took it off the device');
    assert.equal(sent.length, 1);

    // a late refusal is not lost either: the item stays, with the server's reason
    let releaseAgain;
    const stalledAgain = new Promise((resolve) => { releaseAgain = resolve; });
    globalThis.fetch = async (url, init) => { await stalledAgain; return realFetch(url, init); };
    answer = 400;
    assert.deepEqual(await write({ type: 'add', feature: feature('refused late') }, { slowAfter: 20 }), { queued: true, slow: true });
    releaseAgain();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(refused().length, 1);
    assert.equal(refused()[0].feature.properties.operator, 'refused late');
  } finally {
    globalThis.fetch = realFetch;
  }
});
