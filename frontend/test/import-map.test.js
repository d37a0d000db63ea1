// node --test frontend/test: Leaflet is named once, by index.html's import map; the modules import
// the bare "leaflet", the service worker keeps what the map points at, and no other page (which has
// no import map) reaches a module that imports it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const frontend = fileURLToPath(new URL('..', import.meta.url));
const html = readFileSync(join(frontend, 'index.html'), 'utf8');

function modules(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? modules(path) : name.endsWith('.js') ? [path] : [];
  });
}

const importMaps = [...html.matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));

test('index.html maps "leaflet" to the webjar\'s module build, before any module script', () => {
  assert.equal(importMaps.length, 1);
  assert.deepEqual(importMaps[0], { imports: { leaflet: '/webjars/leaflet/dist/leaflet-src.esm.js' } });
  const map = html.indexOf('<script type="importmap">');
  for (const first of [html.indexOf('<script type="module"'), html.indexOf('<link rel="modulepreload"')]) {
    assert.ok(first > map, 'the import map comes before the first module is asked for');
  }
  const worker = readFileSync(join(frontend, 'sw.js'), 'utf8');
  assert.ok(worker.includes(`'${importMaps[0].imports.leaflet}'`), 'the service worker keeps Leaflet for offline use');
});

test('the modules import Leaflet by the bare specifier only, never by its address', () => {
  const importing = [];
  for (const file of modules(join(frontend, 'js'))) {
    const source = readFileSync(file, 'utf8');
    assert.ok(!/from\s+['"][^'"]*webjars\/leaflet/.test(source), `${relative(frontend, file)} imports Leaflet by its address`);
    if (/^import \* as L from 'leaflet';$/m.test(source)) importing.push(file);
  }
  assert.ok(importing.length >= 5, `the map's modules import "leaflet" (${importing.length} found)`);
});

test('the other pages, which have no import map, never reach a module importing "leaflet"', () => {
  const importsOf = (file) => [...readFileSync(file, 'utf8').matchAll(/^import\s[^;]*?['"]([^'"]+)['"]/gms)].map((m) => m[1]);
  const reachesLeaflet = (file, seen = new Set()) => {
    if (seen.has(file)) return false;
    seen.add(file);
    return importsOf(file).some((m) => m === 'leaflet' || (m.startsWith('.') && reachesLeaflet(resolve(dirname(file), m), seen)));
  };
  const pages = readdirSync(frontend).filter((n) => n.endsWith('.html') && n !== 'index.html');
  assert.ok(pages.length >= 2, 'the dossier and the letter pages are read');
  for (const name of pages) {
    const page = readFileSync(join(frontend, name), 'utf8');
    for (const [, src] of page.matchAll(/<script type="module" src="\/(js\/[^"]+)"/g)) {
      assert.ok(!reachesLeaflet(join(frontend, src.split('/').join(sep))), `${name}: ${src} reaches Leaflet without an import map`);
    }
  }
  assert.ok(reachesLeaflet(join(frontend, 'js', 'main.js')), 'the check sees main.js reach Leaflet');
});
