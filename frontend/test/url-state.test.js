// node --test frontend/test: the view, filters and city kept in the URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHash, formatHash, filterParams, hashWith, asDay } from '../js/state/url-state.js';

test('a map hash reads like openstreetmap.org', () => {
  assert.deepEqual(parseHash('#map=16/45.19030/5.72630'), { view: { zoom: 16, lat: 45.1903, lon: 5.7263 }, filters: {}, city: null });
});

test('filters and city round-trip through the hash', () => {
  const state = { view: { zoom: 14, lat: -33.8688, lon: 151.2093 }, filters: { kind: ['camera', 'alpr'], signage: ['absent'] }, city: '38185' };
  const hash = formatHash(state);
  assert.equal(hash, '#map=14/-33.86880/151.20930&kind=camera%2Calpr&signage=absent&city=38185');
  assert.deepEqual(parseHash(hash), state);
});

test('an operator keeps its commas and accents', () => {
  const state = { view: null, filters: { operator: ['Ville de Saint-Étienne, police'] }, city: null };
  assert.deepEqual(parseHash(formatHash(state)), state);
});

test('bad parts are ignored, not trusted', () => {
  assert.equal(parseHash('#map=99/1/2').view, null);
  assert.equal(parseHash('#map=3/95/2').view, null);
  assert.equal(parseHash('#map=3/abc/2').view, null);
  assert.equal(parseHash('#city=<script>').city, null);
  assert.deepEqual(parseHash('').filters, {});
});

test('coordinates are rounded to what the zoom can show', () => {
  assert.equal(formatHash({ view: { zoom: 3, lat: 45.123456789, lon: 5.987654321 } }), '#map=3/45.12/5.99');
  assert.equal(formatHash({ view: { zoom: 18, lat: 45.123456789, lon: 5.987654321 } }), '#map=18/45.123457/5.987654');
});

test('filters become the camera API query', () => {
  assert.equal(filterParams({ kind: ['camera', 'alpr'], operator: ['Mairie'] }, '38185').toString(),
    'kind=camera%2Calpr&operator=Mairie&city=38185');
});

test('the point asked "am I filmed here?" is kept as here=LAT/LON, and a bad one ignored', () => {
  const state = { view: { zoom: 18, lat: 48.8566, lon: 2.3522 }, filters: {}, city: null, here: { lat: 48.856612, lon: 2.352234 } };
  const hash = formatHash(state);
  assert.equal(hash, '#map=18/48.856600/2.352200&here=48.856612/2.352234');
  assert.deepEqual(parseHash(hash), state);
  assert.equal(parseHash('#map=18/48.8/2.3&here=95/2').here, undefined);
  assert.equal(parseHash('#here=48.8,2.3').here, undefined);
});

test('"to re-check" is a filter of the hash and the API query, with true or false only', () => {
  const state = { view: { zoom: 16, lat: 45.1903, lon: 5.7263 }, filters: { toRecheck: ['true'] }, city: null };
  assert.match(formatHash(state), /&toRecheck=true$/);
  assert.deepEqual(parseHash(formatHash(state)).filters, { toRecheck: ['true'] });
  assert.equal(filterParams({ toRecheck: ['true'], kind: ['camera'] }).toString(), 'kind=camera&toRecheck=true');
  // a hand-edited link must not make the server refuse the whole view
  assert.deepEqual(parseHash('#map=16/45.19/5.72&toRecheck=yes').filters, {});
  assert.deepEqual(parseHash('#map=16/45.19/5.72&toRecheck=true,false').filters, {});
});

// issue 14: camera and account links
test('a camera and an account are kept in the hash with the view', () => {
  const state = { view: { zoom: 18, lat: 45.1903, lon: 5.7263 }, filters: { kind: ['camera'] }, city: null, camera: 42, account: 'vandal.1' };
  assert.deepEqual(parseHash(formatHash(state)), state);
  assert.deepEqual(parseHash('#camera=42'), { view: null, filters: {}, city: null, camera: 42 });
});

test('a bad camera id or account name is ignored', () => {
  assert.equal(parseHash('#camera=abc').camera, undefined);
  assert.equal(parseHash('#camera=-3').camera, undefined);
  assert.equal(parseHash('#account=<script>').account, undefined);
});

test('hashWith keeps the view and filters and changes only what it is given', () => {
  assert.equal(hashWith({ camera: 7 }, '#map=16/45.190300/5.726300&kind=camera'), '#map=16/45.190300/5.726300&kind=camera&camera=7');
  assert.equal(hashWith({ camera: null }, '#map=16/45.190300/5.726300&camera=7'), '#map=16/45.190300/5.726300');
});

// issue 17: the search by the day first seen and by the sign's words
test('the first-seen range and the sign words are kept in the address and sent to the API', () => {
  const hash = '#map=14/48.85000/2.35000&firstSeenTo=2014&signNamesOperator=no';
  const state = parseHash(hash);
  assert.deepEqual(state.filters, { firstSeenTo: ['2014'], signNamesOperator: ['no'] });
  assert.equal(formatHash(state), hash);
  assert.equal(filterParams({ firstSeenFrom: ['2010-03-01'], signGivesContact: ['yes', 'unknown'] }).toString(),
    'firstSeenFrom=2010-03-01&signGivesContact=yes%2Cunknown');
});

test('a date filter that is no period, or two of them, is left out rather than refused by the server', () => {
  for (const bad of ['14/07/2014', '2014-7', 'soon', '2014,2015']) {
    assert.deepEqual(parseHash(`#firstSeenFrom=${encodeURIComponent(bad)}`).filters, {}, bad);
  }
});

test('a period shows as the day the server reads it as: its first, or its last for an end', () => {
  assert.equal(asDay('2014', true), '2014-12-31');
  assert.equal(asDay('2014', false), '2014-01-01');
  assert.equal(asDay('2016-02', true), '2016-02-29');
  assert.equal(asDay('2015-02', true), '2015-02-28');
  assert.equal(asDay('2015-11', false), '2015-11-01');
  assert.equal(asDay('2015-11-05', true), '2015-11-05');
  assert.equal(asDay('', true), '');
  assert.equal(asDay(undefined, false), '');
});
