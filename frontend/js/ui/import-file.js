// What the browser can tell of a file before sending it (no DOM here: frontend/test/import-file.test.js):
// its format, as the server would detect it (ImportFormat.detect), and for an official list (CSV)
// its header row, so that the admin picks columns from the file's own names instead of typing them.
// The server decides in the end: this only fills the form.

/** The first bytes read: enough for a header row and for the format's marks. */
export const HEAD_BYTES = 64 * 1024;

/** The Paris police's list, recognised from its header: the server needs its source name only. */
export const PARIS_POLICE_HEADER = ['code postal', 'numéro', 'implantation', 'précision', 'date de mise en service', 'lon', 'lat'];

/** The first HEAD_BYTES of a File or Blob. */
export const readHead = async (file) => new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());

const ascii = (bytes) => String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 8192)));

/**
 * The format the server will detect ('pbf', 'osm-xml', 'overpass-json', 'sous-surveillance'), 'csv'
 * for text in columns (never detected by the server: the form sends it), 'gzip' when the browser
 * cannot look inside, or null when it cannot tell.
 */
export function detectFormat(bytes) {
  if (!bytes.length) return null;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  const text = ascii(bytes);
  if (text.includes('OSMHeader')) return 'pbf';
  const start = text.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').trimStart();
  if (start.startsWith('<')) return start.includes('<osm') ? 'osm-xml' : null;
  if (start.startsWith('[') || (start.startsWith('{') && start.includes('"elements"'))) return 'overpass-json';
  if (start.startsWith('{')) return start.includes('"FeatureCollection"') || start.includes('"features"') ? 'sous-surveillance' : null;
  return headerRow(bytes).columns.length >= 2 ? 'csv' : null;
}

/** The first line as text: UTF-8, else Latin-1 (French spreadsheets still save so), as the server reads it. */
export function firstLine(bytes) {
  let end = bytes.indexOf(0x0a);
  if (end < 0) end = bytes.length;
  const line = bytes.subarray(0, end);
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(line);
  } catch {
    text = new TextDecoder('windows-1252').decode(line);
  }
  return text.replace(/^\uFEFF/, '').replace(/\r$/, '');
}

/** The separator the line uses most outside quotes: `;`, `,` or a tab, as the server guesses it. */
export function separatorOf(line) {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in counts) counts[c]++;
  }
  const [best] = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ',';
}

/** Splits one line on `separator`, with "quoted" fields and "" for a quote inside them. */
export function splitLine(line, separator) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) { fields.push(field.trim()); field = ''; } else field += c;
  }
  fields.push(field.trim());
  return fields;
}

/** The header row: its column names (empty ones left out) and its separator. */
export function headerRow(bytes) {
  const line = firstLine(bytes);
  const separator = separatorOf(line);
  return { separator, columns: splitLine(line, separator).filter((c) => c !== '') };
}

const key = (name) => name.trim().toLowerCase();

export const isParisPolice = (columns) => PARIS_POLICE_HEADER.every((name) => columns.map(key).includes(name));

/** Columns whose names say what they hold, as a first choice the admin can change. */
const GUESSES = {
  lon: /^(lon|long|lng|longitude|wgs84_lon|x_wgs84)$/,
  lat: /^(lat|latitude|wgs84_lat|y_wgs84)$/,
  x: /^(x|x[ _(]*l(ambert)?[ -]?93\)?|coord_?x|x_l93)$/,
  y: /^(y|y[ _(]*l(ambert)?[ -]?93\)?|coord_?y|y_l93)$/,
  ref: /^(id|ref|référence|reference|numéro|numero|n°|identifiant|code)$/,
  date: /^date/,
  address: /^(adresse|address|implantation|lieu|localisation|emplacement|rue|voie)$/,
  'operator-column': /^(exploitant|opérateur|operateur|operator|gestionnaire|propriétaire)$/,
};

/**
 * The columns guessed for each option: {lon: 'longitude', ..., address: ['adresse']}, and whether the
 * positions look projected (x/y without lon/lat: Lambert-93 is the French open data's usual choice).
 */
export function guessColumns(columns) {
  const found = {};
  for (const [option, pattern] of Object.entries(GUESSES)) {
    const matches = columns.filter((c) => pattern.test(key(c)));
    if (matches.length) found[option] = option === 'address' ? matches : matches[0];
  }
  const projected = !(found.lon && found.lat) && Boolean(found.x && found.y);
  if (projected) { delete found.lon; delete found.lat; } else { delete found.x; delete found.y; }
  return { columns: found, projected };
}
