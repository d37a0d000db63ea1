// node --test frontend/test: the enumerated properties' values come from the server (GET /api/config
// `values`) and are kept on the device for the next visit, offline included.
import { test } from 'node:test';
import assert from 'node:assert/strict';

/** A fresh copy of values.js over `stored` (a Map standing for localStorage). */
async function freshValues(stored = new Map()) {
  globalThis.localStorage = {
    getItem: (k) => (stored.has(k) ? stored.get(k) : null),
    setItem: (k, v) => stored.set(k, String(v)),
  };
  return import(`../js/state/values.js?copy=${Math.random()}`);
}

test('nothing is listed before the server said it', async () => {
  const values = await freshValues();
  assert.deepEqual(values.valuesOf('kind'), []);
  assert.equal(values.valuesKnown(), false);
});

test('the server\'s lists are taken in its order, and listeners hear of them once', async () => {
  const values = await freshValues();
  let heard = 0;
  values.onValuesChange(() => heard++);
  values.setValues({ kind: ['camera', 'alpr', 'drone'], status: ['reported', 'verified'] });
  values.setValues({ kind: ['camera', 'alpr', 'drone'], status: ['reported', 'verified'] });
  assert.deepEqual(values.valuesOf('kind'), ['camera', 'alpr', 'drone']);
  assert.deepEqual(values.valuesOf('status'), ['reported', 'verified']);
  assert.equal(heard, 1, 'the same lists again change nothing');
});

test('what is not a list of strings is ignored, and a missing `values` keeps the lists known', async () => {
  const values = await freshValues();
  values.setValues({ kind: ['camera'] });
  values.setValues(undefined); // an older server, or the settings could not be fetched
  values.setValues(['camera']);
  assert.deepEqual(values.valuesOf('kind'), ['camera']);
  values.setValues({ kind: ['webcam'], zone: 'town', mount: [1, 2] });
  assert.deepEqual(values.valuesOf('kind'), ['webcam']);
  assert.deepEqual(values.valuesOf('zone'), []);
  assert.deepEqual(values.valuesOf('mount'), []);
});

test('the last lists are kept on the device and read back by the next visit', async () => {
  const stored = new Map();
  const first = await freshValues(stored);
  first.setValues({ signage: ['present', 'absent', 'unknown'] });
  const next = await freshValues(stored);
  assert.equal(next.valuesKnown(), true);
  assert.deepEqual(next.valuesOf('signage'), ['present', 'absent', 'unknown']);
});

test('a damaged copy on the device is ignored, not trusted', async () => {
  const values = await freshValues(new Map([['vigie.values', '{not json']]));
  assert.deepEqual(values.valuesOf('kind'), []);
  const wrong = await freshValues(new Map([['vigie.values', '{"kind":"camera"}']]));
  assert.equal(wrong.valuesKnown(), false);
});
