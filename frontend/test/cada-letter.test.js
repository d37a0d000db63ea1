// node --test frontend/test: the records-request letter names the city, the subject and the law.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { letter, SUBJECTS } from '../js/dossier/cada-letter.js';

const city = { code: '38185', name: 'Grenoble' };

test('each subject asks for its own documents, citing the CRPA', () => {
  const asked = new Set();
  for (const subject of Object.keys(SUBJECTS)) {
    const l = letter(city, subject, new Date(Date.UTC(2026, 11, 6)));
    const text = [l.recipient, l.object, ...l.paragraphs].join('\n');
    assert.match(text, /Mairie de Grenoble/);
    assert.match(text, /L311-1/);
    assert.match(text, /R311-13/);
    assert.match(l.object, new RegExp(SUBJECTS[subject].title));
    asked.add(l.paragraphs[1]);
  }
  assert.equal(asked.size, 4);
  assert.equal(letter(city, 'camera_list', new Date(Date.UTC(2026, 11, 6))).placeAndDate, 'le 6 décembre 2026');
});

test('an unknown subject falls back to the list of cameras', () => {
  assert.equal(letter(city, 'nonsense', new Date()).paragraphs[1], SUBJECTS.camera_list.asked);
});
