// node --test frontend/test: each enumeration is listed once, in its Java enum (issue 20); the front
// end reads the values from GET /api/config (state/values.js) and keeps only labels and looks keyed by
// value. This fails when a module lists three or more values of one enumeration in an array again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const frontend = fileURLToPath(new URL('..', import.meta.url));
const sources = join(frontend, '..', 'src', 'main', 'java', 'org', 'vigie');

function files(dir, suffix) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, suffix) : name.endsWith(suffix) ? [path] : [];
  });
}

/** { EnumName: [wire values] } of the wire enums, read from the Java sources (constants lower-cased, as WireNames does). */
function enumValues() {
  const found = {};
  for (const file of files(sources, '.java')) {
    const body = readFileSync(file, 'utf8').match(/public enum (\w+) implements WireEnum\s*\{([^;}]*)[;}]/s);
    if (!body) continue;
    // the constants, without their comments and arguments: FIXED(60, 40), DOME(360, 30), ...
    const constants = body[2].replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '').replace(/\([^)]*\)/g, '');
    found[body[1]] = constants.split(',').map((c) => c.trim()).filter(Boolean).map((c) => c.toLowerCase());
  }
  return found;
}

test('the Java enums are found, so that the check below checks something', () => {
  const found = enumValues();
  assert.ok(found.Kind.includes('alpr') && found.Zone.includes('workplace'), JSON.stringify(found));
  assert.ok(found.BudgetPurpose.includes('monitoring_staff') && found.RequestOutcome.includes('partial'), JSON.stringify(found));
});

test('no front-end module lists the values of an enumeration', () => {
  const found = Object.entries(enumValues());
  const lists = [];
  for (const file of files(join(frontend, 'js'), '.js')) {
    if (file.includes(`${sep}i18n${sep}`)) continue; // labels keyed by value
    const source = readFileSync(file, 'utf8');
    for (const array of source.matchAll(/\[\s*('[^'\n]*'\s*,\s*)+'[^'\n]*'\s*,?\s*\]/g)) {
      const strings = [...array[0].matchAll(/'([^']*)'/g)].map((m) => m[1]);
      for (const [name, values] of found) {
        if (strings.filter((s) => values.includes(s)).length >= 3) lists.push(`${relative(frontend, file)}: ${name} ${array[0]}`);
      }
    }
  }
  assert.deepEqual(lists, []);
});
