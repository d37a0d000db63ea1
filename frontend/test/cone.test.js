// node --test frontend/test: the cone geometry and the sphere helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { destination, distance, bearing, toLatLng, toLonLat, normalizeBearing } from '../js/geo/sphere.js';
import { fieldOfViewRings, wedge } from '../js/geo/cone.js';

const GRENOBLE = [5.7263, 45.1903];

test('axis order: GeoJSON [lon, lat] and Leaflet [lat, lng] convert both ways', () => {
  assert.deepEqual(toLatLng(GRENOBLE), [45.1903, 5.7263]);
  assert.deepEqual(toLonLat({ lat: 45.1903, lng: 5.7263 }), GRENOBLE);
  assert.deepEqual(toLonLat([45.1903, 5.7263]), GRENOBLE);
});

test('destination and distance agree, and bearing finds the direction back', () => {
  for (const b of [0, 45, 90, 180, 271]) {
    const there = destination(GRENOBLE, b, 40);
    assert.ok(Math.abs(distance(GRENOBLE, there) - 40) < 0.01, `40 m towards ${b}`);
    assert.equal(bearing(GRENOBLE, there), b);
  }
  // 1° of latitude is about 111.2 km
  assert.ok(Math.abs(distance([0, 0], [0, 1]) - 111195) < 5);
});

test('normalizeBearing wraps into 0..359', () => {
  assert.equal(normalizeBearing(-90), 270);
  assert.equal(normalizeBearing(360), 0);
  assert.equal(normalizeBearing(719.6), 0);
});

test('a wedge starts and ends at the camera, its arc at the range, centred on the direction', () => {
  const ring = wedge(GRENOBLE, 90, 60, 40);
  assert.deepEqual(ring[0], GRENOBLE);
  assert.deepEqual(ring[ring.length - 1], GRENOBLE);
  const arc = ring.slice(1, -1);
  for (const p of arc) assert.ok(Math.abs(distance(GRENOBLE, p) - 40) < 0.01);
  assert.equal(bearing(GRENOBLE, arc[0]), 60);
  assert.equal(bearing(GRENOBLE, arc[arc.length - 1]), 120);
});

test('one wedge per direction; a disc when the camera sees all around or its direction is unknown', () => {
  assert.equal(fieldOfViewRings(GRENOBLE, { directions: [0, 180], fieldOfView: 90, range: 30 }).length, 2);
  for (const camera of [{ directions: [], fieldOfView: 60, range: 30 }, { directions: [10], fieldOfView: 360, range: 30 }]) {
    const rings = fieldOfViewRings(GRENOBLE, camera);
    assert.equal(rings.length, 1);
    const disc = rings[0];
    assert.deepEqual(disc[0], disc[disc.length - 1]);
    for (const p of disc) assert.ok(Math.abs(distance(GRENOBLE, p) - 30) < 0.01);
  }
});
