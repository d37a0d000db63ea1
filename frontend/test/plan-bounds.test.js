// node --test frontend/test: floor plans placed on the map (issue 16) keep their proportions and never fold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitInArea, dragHandle, handlePositions } from '../js/geo/plan-bounds.js';

const close = (a, b, eps = 1e-6) => assert.ok(Math.abs(a - b) < eps, `${a} ≈ ${b}`);

test('a plan fitted in the view keeps its proportions on the ground and is centred', () => {
  // at latitude 50.4, a degree of longitude is 0.637 of a degree of latitude
  const area = [2.940, 50.400, 2.950, 50.404];
  const [w, s, e, n] = fitInArea(area, 2400, 1600, 0.8);
  const scale = Math.cos((50.402 * Math.PI) / 180);
  close(((n - s) / ((e - w) * scale)), 1600 / 2400, 1e-3);
  close((w + e) / 2, 2.945);
  close((s + n) / 2, 50.402);
  assert.ok(w >= area[0] && e <= area[2] && s >= area[1] && n <= area[3], 'inside the view');
  // the view is wide: the plan's height is what limits it, at 80 % of the view's
  close(n - s, 0.004 * 0.8, 1e-6);
});

test('a tall plan in a wide view is limited by the height, a wide one in a tall view by the width', () => {
  const tall = fitInArea([0, 0, 0.01, 0.001], 100, 400, 1);
  close(tall[3] - tall[1], 0.001);
  const wide = fitInArea([0, 0, 0.001, 0.01], 400, 100, 1);
  close(wide[2] - wide[0], 0.001);
});

test('dragging a corner moves its two edges, the centre moves all four, and a plan never folds', () => {
  const b = [2, 48, 2.001, 48.001];
  assert.deepEqual(dragHandle(b, 'ne', [2.002, 48.0005]), [2, 48, 2.002, 48.0005]);
  assert.deepEqual(dragHandle(b, 'sw', [1.999, 47.999]), [1.999, 47.999, 2.001, 48.001]);
  assert.deepEqual(dragHandle(b, 'centre', [2.0015, 48.0015]), [2.001, 48.001, 2.002, 48.002]);
  const folded = dragHandle(b, 'sw', [2.5, 49]);
  assert.ok(folded[0] < folded[2] && folded[1] < folded[3], `still a rectangle: ${folded}`);
  const centre = handlePositions(b).centre;
  close(centre[0], 2.0005);
  close(centre[1], 48.0005);
});
