// node --test frontend/test: what the Imports screen tells of a file before sending it: its format
// (as the server's ImportFormat.detect), an official list's header row (separator, quotes, Latin-1),
// the Paris police's list, and the columns guessed from their names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { detectFormat, headerRow, isParisPolice, guessColumns, readHead, HEAD_BYTES } from '../js/ui/import-file.js';
import { sourceFromFileName } from '../js/ui/import-list-options.js';

const bytes = (text) => new TextEncoder().encode(text);
const latin1 = (text) => Uint8Array.from(text, (c) => c.charCodeAt(0));

test('the formats the server detects are told apart, and a CSV is recognised as one', () => {
  assert.equal(detectFormat(bytes('<?xml version="1.0"?>\n<osm version="0.6">')), 'osm-xml');
  assert.equal(detectFormat(bytes('<html></html>')), null, 'XML that is not OSM');
  assert.equal(detectFormat(bytes('[{"type":"node","id":1}]')), 'overpass-json');
  assert.equal(detectFormat(bytes('{"version":0.6,"elements":[]}')), 'overpass-json');
  assert.equal(detectFormat(bytes('\uFEFF{"type":"FeatureCollection","features":[]}')), 'sous-surveillance');
  assert.equal(detectFormat(Uint8Array.from([0x1f, 0x8b, 8, 0])), 'gzip');
  assert.equal(detectFormat(bytes('Code postal;Numéro;lon;lat\r\n75001;P1;2.3;48.8\r\n')), 'csv');
  assert.equal(detectFormat(bytes('une seule colonne\n')), null);
  assert.equal(detectFormat(new Uint8Array()), null);
});

test('the real files of ../shared/data are told as the server tells them', { skip: !existsSync('../shared/data/osm') && 'skipped: ../shared/data is absent' }, () => {
  const head = (path) => new Uint8Array(readFileSync(path).subarray(0, HEAD_BYTES));
  assert.equal(detectFormat(head('../shared/data/osm/monaco-2021-04-21.osm.pbf')), 'pbf');
  assert.equal(detectFormat(head('../shared/data/osm/virginia-tech-campus-2012.osm')), 'osm-xml');
  assert.equal(detectFormat(head('../shared/data/osm/webcams-world-overpass-2024-06-23.json')), 'overpass-json');
  assert.equal(detectFormat(head('../shared/data/legacy/sous-surveillance-2012.geojson')), 'sous-surveillance');
});

test('the header row: its separator, quoted names, and Latin-1 accents', () => {
  assert.deepEqual(headerRow(bytes('Code postal;Numéro;Implantation;Précision;Date de mise en service;lon;lat\r\n1;2')),
    { separator: ';', columns: ['Code postal', 'Numéro', 'Implantation', 'Précision', 'Date de mise en service', 'lon', 'lat'] });
  assert.deepEqual(headerRow(bytes('"id","X (Lambert 93)","lieu, ""dit"""\n')).columns, ['id', 'X (Lambert 93)', 'lieu, "dit"']);
  assert.deepEqual(headerRow(latin1('longitude\tlatitude\tadresse\texploitant é\n')).columns,
    ['longitude', 'latitude', 'adresse', 'exploitant é']);
  assert.deepEqual(headerRow(latin1('n\u00b0;d\u00e9but\n')).columns, ['n°', 'début'], 'Latin-1 bytes are not UTF-8: read as Latin-1');
  assert.equal(headerRow(bytes('a;b,c\n')).separator, ';', 'a tie goes to ;, as French files use');
});

test('the Paris police\'s list is recognised from its header, in any case', () => {
  assert.ok(isParisPolice(['CODE POSTAL', 'Numéro', 'Implantation', 'Précision', 'Date de mise en service', 'lon', 'lat']));
  assert.ok(!isParisPolice(['Code postal', 'Numéro', 'lon', 'lat']));
});

test('columns are guessed from their names, lon/lat before x/y', () => {
  assert.deepEqual(guessColumns(['longitude', 'latitude', 'adresse', 'exploitant', 'id', 'date_installation']),
    { projected: false, columns: { lon: 'longitude', lat: 'latitude', ref: 'id', date: 'date_installation', address: ['adresse'], 'operator-column': 'exploitant' } });
  assert.deepEqual(guessColumns(['X', 'Y', 'lieu']), { projected: true, columns: { x: 'X', y: 'Y', address: ['lieu'] } });
  assert.deepEqual(guessColumns(['a', 'b']), { projected: false, columns: {} });
});

test('a source name is offered from the file\'s name, never one of the other imports\'', () => {
  assert.equal(sourceFromFileName('Liste Préfecture 2024.csv'), 'liste-prefecture-2024');
  assert.equal(sourceFromFileName('osm.csv'), 'osm-liste');
  assert.equal(sourceFromFileName(''), '');
});

test('only the head of a large file is read', async () => {
  const big = new Blob([new Uint8Array(HEAD_BYTES * 3)]);
  assert.equal((await readHead(big)).length, HEAD_BYTES);
});
