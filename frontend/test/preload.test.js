// node --test frontend/test: index.html preloads every module the first view needs (main.js and
// its static imports, at any depth), so that the browser fetches them all at once instead of
// discovering the imports one level after another; the panels main.js imports dynamically are
// not preloaded, so that they do not compete with the first view; and no module is left unused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const frontend = fileURLToPath(new URL('..', import.meta.url));
const asPath = (file) => relative(frontend, file).split(sep).join('/');

function modules(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? modules(path) : name.endsWith('.js') ? [path] : [];
  });
}

/** The modules a module imports: `static` from its import declarations, `dynamic` from import(). */
function importsOf(file) {
  const source = readFileSync(file, 'utf8');
  const target = (m) => resolve(dirname(file), m[1]);
  return {
    static: [...source.matchAll(/^import\s[^;]*?['"](\.{1,2}\/[^'"]+)['"]/gms)].map(target),
    dynamic: [...source.matchAll(/import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)].map(target),
  };
}

/** Every module reachable from `roots` through static imports only. */
function staticGraph(roots) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    importsOf(file).static.forEach(visit);
  };
  roots.forEach(visit);
  return seen;
}

const main = join(frontend, 'js', 'main.js');
const html = readFileSync(join(frontend, 'index.html'), 'utf8');
const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\/([^"]+)">/g)].map((m) => m[1]).sort();

test('index.html preloads exactly the modules of the first view: main.js and its static imports', () => {
  const firstView = [...staticGraph([main])].filter((f) => f !== main).map(asPath).sort();
  assert.ok(firstView.includes('js/map/view-loader.js'), 'the graph is read (view-loader is a static import of main.js)');
  assert.deepEqual(preloaded, firstView);
});

test('the panels loaded later are not preloaded, and every module is used', () => {
  const later = importsOf(main).dynamic;
  assert.ok(later.length >= 3, 'main.js loads its panels dynamically');
  const laterGraph = [...staticGraph(later)].map(asPath);
  assert.ok(laterGraph.includes('js/ui/camera-sheet.js'));
  for (const path of ['js/ui/camera-sheet.js', 'js/ui/account-panel.js', 'js/ui/city-panel.js']) {
    assert.ok(!preloaded.includes(path), `${path} is not preloaded`);
  }
  const scripts = [...html.matchAll(/<script[^>]* src="\/(js\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(scripts.includes('js/first-view.js'), 'the first view\'s early request is a classic script');
  // the printable pages beside the app (the city dossier, the records-request letter) load modules of their own
  const pages = readdirSync(frontend).filter((n) => n.endsWith('.html') && n !== 'index.html')
    .flatMap((n) => [...readFileSync(join(frontend, n), 'utf8').matchAll(/<script[^>]* src="\/(js\/[^"]+)"/g)].map((m) => join(frontend, m[1])));
  const reached = [...staticGraph([main]), ...staticGraph(later), ...staticGraph(pages)];
  // modules started as workers (new Worker(new URL('./x.js', import.meta.url))) are used by the module that starts them
  const workers = reached.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/new URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url/g)]
    .map((m) => resolve(dirname(f), m[1])));
  const used = new Set([...reached, ...workers].map(asPath).concat(scripts));
  const all = modules(join(frontend, 'js')).map(asPath).sort();
  assert.deepEqual(all.filter((p) => !used.has(p)), [], 'modules nothing imports');
});
