// Where the OpenStreetMap sync stands (GET /api/status), for the collective on its Imports screen:
// the last sequence applied, the data's time and lag, why the last round stopped if it did, whether
// the app follows OpenStreetMap by itself, and, when it does not, what to set to turn it on. Turning
// it on from the app would need a settings store: the server's configuration says it (docs/openstreetmap.md).
import { h, fill, formatDate } from './dom.js';
import { t, language } from '../i18n/i18n.js';
import { status } from '../api/osm.js';

/** "4 min", "3 h", "2 j": how far behind, in the unit a person reads. */
export function lagText(secondsBehind) {
  const minutes = Math.round(Number(secondsBehind) / 60);
  if (minutes < 120) return t('imports.sync.lagMinutes', { n: minutes });
  const hours = Math.round(minutes / 60);
  return hours < 48 ? t('imports.sync.lagHours', { n: hours }) : t('imports.sync.lagDays', { n: Math.round(hours / 24) });
}

/** Fills `box` with the sync's state, read now. */
export async function showSyncState(box) {
  fill(box, h('h3', { id: 'import-sync-title' }, t('imports.sync.title')), h('p', { class: 'muted' }, t('account.wait')));
  let osm;
  try {
    osm = (await status()).osm || {};
  } catch (e) {
    box.append(h('p', { class: 'error' }, t('imports.sync.unavailable', { reason: e.message })));
    box.querySelector('.muted').remove();
    return;
  }
  const when = (iso) => formatDate(iso, language());
  fill(box, h('h3', { id: 'import-sync-title' }, t('imports.sync.title')),
    h('dl', { class: 'fields' },
      h('dt', {}, t('imports.sync.scheduled')),
      h('dd', { dataset: { scheduled: String(Boolean(osm.scheduled)) } }, t(osm.scheduled ? 'imports.sync.on' : 'imports.sync.off')),
      h('dt', {}, t('imports.sync.sequence')),
      h('dd', { class: 'sync-sequence' }, osm.sequence == null ? t('imports.sync.never')
        : t('imports.sync.sequenceAt', { n: osm.sequence, at: when(osm.appliedAt) })),
      osm.timestamp ? [h('dt', {}, t('imports.sync.dataTime')),
        h('dd', { class: 'sync-lag' }, t('imports.sync.dataAt', { at: when(osm.timestamp), lag: lagText(osm.lagSeconds) }))] : null,
      osm.lastError ? [h('dt', {}, t('imports.sync.lastError')),
        h('dd', { class: 'error' }, `${osm.lastError} (${when(osm.lastErrorAt)})`)] : null),
    osm.scheduled ? h('p', { class: 'help' }, t('imports.sync.onHelp')) : turnOnHelp());
}

function turnOnHelp() {
  return h('div', { class: 'sync-off' },
    h('p', {}, t('imports.sync.offHelp')),
    h('pre', { class: 'settings' }, 'vigie.osm.replication-url=https://planet.openstreetmap.org/replication/minute/\nvigie.osm.sync-every=1M'),
    h('p', { class: 'help' }, t('imports.sync.offEnv')),
    h('p', { class: 'help' }, t('imports.sync.offStart')));
}
