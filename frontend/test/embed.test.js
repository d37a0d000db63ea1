// node --test frontend/test: the embed code names this instance and escapes the view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isEmbed, embedCode } from '../js/ui/embed.js';

test('embed mode is ?embed=1', () => {
  assert.equal(isEmbed('?embed=1'), true);
  assert.equal(isEmbed('?embed=0'), false);
  assert.equal(isEmbed(''), false);
});

test('the embed code is an iframe on the same view in embed mode', () => {
  const code = embedCode('https://vigie.example', '#map=15/45.1/5.7&kind=alpr');
  assert.match(code, /^<iframe src="https:\/\/vigie\.example\/\?embed=1#map=15\/45\.1\/5\.7&kind=alpr"/);
  assert.ok(!embedCode('https://x', '#"><script>').includes('"><script>'));
});
