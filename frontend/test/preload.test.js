// node --test frontend/test: index.html preloads every module, so that the browser fetches them all
// at once instead of discovering the imports one level after another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const frontend = fileURLToPath(new URL('..', import.meta.url));

function modules(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? modules(path) : name.endsWith('.js') ? [path] : [];
  });
}

test('index.html preloads every module of js/, and nothing that does not exist', () => {
  const html = readFileSync(join(frontend, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\/([^"]+)">/g)].map((m) => m[1]).sort();
  const expected = modules(join(frontend, 'js')).map((p) => relative(frontend, p).split(sep).join('/'))
    .filter((p) => p !== 'js/main.js').sort();
  assert.deepEqual(preloaded, expected);
});
