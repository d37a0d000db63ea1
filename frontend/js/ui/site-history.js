// A site's history (issue 16), folded under its panel: each version with who wrote it, when, and what
// it then was (name, floors). Loaded when unfolded.
import { h, fill, formatDate } from './dom.js';
import { t, language } from '../i18n/i18n.js';
import { siteHistory } from '../api/sites.js';
import { NetworkError } from '../api/client.js';

/** `open`: unfolded at once (the panel was redrawn while it was); `onToggle(open)` is told when it folds or unfolds. */
export function historySection(siteId, { open = false, onToggle = () => {} } = {}) {
  const list = h('ol', { class: 'history site-history-list' });
  const details = h('details', { class: 'site-history', id: 'site-history', open }, h('summary', {}, t('sites.history')), list);
  const load = async () => {
    if (!details.open || list.dataset.loaded) return;
    fill(list, h('li', {}, t('map.loading')));
    try {
      const versions = await siteHistory(siteId);
      list.dataset.loaded = 'yes';
      fill(list, versions.map((v) => h('li', { dataset: { version: String(v.version) } },
        h('strong', {}, t(`sites.action.${v.action}`, { version: v.version })), ' — ',
        v.author || t('sites.unknownAuthor'), ', ', formatDate(v.at, language()), ' — ',
        v.name, ' (', (v.floors || []).map((f) => f.name).join(', ') || t('sites.noFloors'), ')')));
    } catch (e) {
      fill(list, h('li', { class: 'error' }, e instanceof NetworkError ? t('map.networkDown') : e.message));
    }
  };
  details.addEventListener('toggle', () => { onToggle(details.open); load(); });
  load();
  return details;
}
