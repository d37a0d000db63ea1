// node --test frontend/test: the service worker keeps every file the app needs to open offline
// (its APP_FILES list is exactly the app's modules, scripts and stylesheets), and the page's list
// of reads to hand over matches the worker's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const frontend = fileURLToPath(new URL('..', import.meta.url));
const worker = readFileSync(join(frontend, 'sw.js'), 'utf8');
const appFiles = JSON.parse(worker.match(/const APP_FILES = (\[[^\]]*\]);/)[1].replace(/'/g, '"').replace(/,\s*\]/, ']'));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('every module of the app is kept for offline use, and nothing that does not exist', () => {
  const modules = files(join(frontend, 'js')).filter((f) => f.endsWith('.js')).map((f) => `/${relative(frontend, f).split(sep).join('/')}`);
  const kept = appFiles.filter((u) => u.startsWith('/js/'));
  assert.deepEqual([...kept].sort(), modules.sort());
});

test('the page itself and what it links to are kept', () => {
  const html = readFileSync(join(frontend, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/(?:href|src)="(\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(linked.length > 10, 'index.html is read');
  for (const url of ['/', ...linked]) assert.ok(appFiles.includes(url), `${url} is kept`);
});

test('the reads the page hands over are the ones the worker keeps', () => {
  const page = readFileSync(join(frontend, 'js', 'api', 'service-worker.js'), 'utf8');
  const kept = worker.match(/const KEPT_READS = \/\^\\\/api\\\/(.*)\/;/)[1];
  assert.ok(page.includes(`api\\/${kept})`), 'api/service-worker.js keeps the same API paths as sw.js');
});
