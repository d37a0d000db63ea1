// node --test frontend/test: the right-of-access letter is filled with the operator, place and date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessLetter } from '../js/ui/access-letter.js';

const point = { lat: 48.856612, lon: 2.352234 };

test('in French, after the CNIL model: the operator, the place and the date are filled in', () => {
  const letter = accessLetter({ operator: 'Préfecture de police', placeName: 'Paris', point, date: new Date('2026-12-06T10:00:00Z'), lang: 'fr' });
  assert.match(letter.subject, /article 15 du RGPD/);
  assert.match(letter.to, /Préfecture de police$/);
  assert.match(letter.body[0], /Paris, au point 48\.856612, 2\.352234/);
  assert.match(letter.body[0], /le 6 décembre 2026/);
  assert.match(letter.body[0], /L\. 253-5 du code de la sécurité intérieure/);
  assert.equal(letter.made, 'Fait le 6 décembre 2026');
});

test('in English, and with an operator nobody knows yet', () => {
  const letter = accessLetter({ point, date: new Date('2026-12-06T10:00:00Z'), lang: 'en' });
  assert.match(letter.to, /operator of the camera \(name to be found\)/);
  assert.match(letter.body[0], /on 6 December 2026/);
  assert.match(letter.body[0], /at the point 48\.856612, 2\.352234/);
});
