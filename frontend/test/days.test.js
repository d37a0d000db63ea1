import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDay } from '../js/ui/dom.js';

// The server gives days (a camera's dates are days, for privacy): each is shown as that day
// wherever the reader is, from a bare day or the start of an ISO time.
test('a day is shown as itself, in the reader\'s language', () => {
  assert.equal(formatDay('2026-12-06', 'en'), 'Dec 6, 2026');
  assert.equal(formatDay('2026-12-06', 'fr', 'long'), '6 décembre 2026');
  assert.equal(formatDay('2026-12-06T23:30:00Z', 'en'), 'Dec 6, 2026');
});

test('nothing, or what is not a day, is shown as it came', () => {
  assert.equal(formatDay(null, 'fr'), '');
  assert.equal(formatDay('bientôt', 'fr'), 'bientôt');
});
