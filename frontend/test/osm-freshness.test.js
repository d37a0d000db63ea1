// node --test frontend/test: the map's "about" line on how current the OpenStreetMap data is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshnessText } from '../js/ui/osm-freshness.js';

const now = Date.parse('2026-12-06T12:10:00Z');

test('no line before the first sync', () => {
  assert.equal(freshnessText(null, now), null);
  assert.equal(freshnessText({ sequence: null, timestamp: null }, now), null);
});

test('the data time and the lag, in minutes then in hours', () => {
  const minutes = freshnessText({ timestamp: '2026-12-06T12:06:00Z' }, now);
  assert.match(minutes, /^Données OpenStreetMap du .+ \(4 min de retard\)$/);
  assert.match(freshnessText({ timestamp: '2026-12-06T07:10:00Z' }, now), /\(5 h de retard\)$/);
  assert.match(freshnessText({ timestamp: '2026-12-06T12:20:00Z' }, now), /\(0 min de retard\)$/, 'a clock ahead is no lag');
});
