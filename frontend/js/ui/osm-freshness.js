// The map's "about" line says how current the OpenStreetMap data is: "OpenStreetMap data of
// 6 Dec, 12:03 (4 min behind)", from GET /api/status, once the instance follows OpenStreetMap.
import { t, language as lang } from '../i18n/i18n.js';
import { status } from '../api/osm.js';

/** The text, or null before the first sync. */
export function freshnessText(osm, now = Date.now()) {
  if (!osm || !osm.timestamp) return null;
  const minutes = Math.max(0, Math.round((now - Date.parse(osm.timestamp)) / 60000));
  const when = new Date(osm.timestamp).toLocaleString(lang(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const lag = minutes < 120 ? t('osm.lagMinutes', { n: minutes }) : t('osm.lagHours', { n: Math.round(minutes / 60) });
  return t('osm.freshness', { when, lag });
}

/** Adds the line to the map's attribution (text only: Leaflet renders it as HTML, so it is escaped). */
export async function showOsmFreshness(map, escape) {
  try {
    const text = freshnessText((await status()).osm);
    if (text) map.attributionControl.addAttribution(`<span id="osm-freshness">${escape(text)}</span>`);
  } catch {
    // offline or an older server: the map works without the line
  }
}
