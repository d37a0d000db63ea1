// Leaflet 1.9.4's ES module build, from the webjar, imported by its address: no global window.L,
// and no import map, whose inline script the CSP (script-src 'self') would have to allow by a hash
// kept in step with the page; the address is written here once, the modules import Leaflet from here.
// The module build is not minified (about 120 kB compressed on the wire against 45 kB for
// leaflet.js); FirstViewBudgetTest keeps the first view within its budget.
import * as L from '/webjars/leaflet/dist/leaflet-src.esm.js';

export default L;
