// node --test frontend/test: a panel loaded on first use is built once, and a failed load (no
// network) is said and tried again on the next use instead of leaving the button dead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lazy } from '../js/ui/lazy.js';

test('the component is built once and handed to every use', async () => {
  let built = 0;
  const panel = lazy(async () => ({ n: ++built }));
  const seen = [];
  await panel((p) => seen.push(p.n));
  await panel((p) => seen.push(p.n));
  assert.deepEqual(seen, [1, 1]);
  assert.equal(built, 1);
});

test('a failed load is reported, and the next use tries again', async () => {
  let attempts = 0;
  const failures = [];
  const panel = lazy(async () => {
    attempts++;
    if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
    return { open: () => 'opened' };
  }, (e) => failures.push(e.message));
  await panel((p) => p.open());
  assert.equal(failures.length, 1);
  let opened = null;
  await panel((p) => { opened = p.open(); });
  assert.equal(opened, 'opened');
  assert.equal(attempts, 2);
});

test('ifLoaded leaves a panel that was never used alone', async () => {
  let built = 0;
  const panel = lazy(async () => ({ closed: false, n: ++built }));
  panel.ifLoaded((p) => { p.closed = true; });
  assert.equal(built, 0);
  let closed = null;
  await panel(() => {});
  panel.ifLoaded((p) => { p.closed = true; });
  await panel((p) => { closed = p.closed; });
  assert.equal(closed, true);
});

test('preload builds it ahead without a word on failure, and the tap tries again', async () => {
  let attempts = 0;
  const failures = [];
  const panel = lazy(async () => {
    attempts++;
    if (attempts === 1) throw new TypeError('offline');
    return { ok: true };
  }, (e) => failures.push(e));
  panel.preload();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(failures, [], 'a failed preload is not announced');
  let ok = false;
  await panel((p) => { ok = p.ok; });
  assert.equal(ok, true);
  assert.equal(attempts, 2);
});
