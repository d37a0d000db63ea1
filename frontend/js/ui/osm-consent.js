// The choice to publish one's contributions in OpenStreetMap (ODbL), unchecked unless chosen: at
// registration, and in the account panel, where moderators also find the OpenStreetMap review.
import { h, announce } from './dom.js';
import { t } from '../i18n/i18n.js';
import { me, setOsmConsent } from '../api/osm.js';
import { OsmPanel } from './osm-panel.js';

/** The registration form's checkbox (name osmConsent). */
export function consentField(checked) {
  return h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'osmConsent', id: 'osm-consent', checked: checked || null }),
    ' ', t('osm.consent'));
}

/** Logged in: the checkbox, saved as soon as it changes, and for moderators a way to the review. */
export function accountOsmSection(current, { root, onBack }) {
  const box = h('input', { type: 'checkbox', id: 'osm-consent', disabled: true });
  const saved = h('span', { class: 'help', role: 'status' });
  box.addEventListener('change', async () => {
    box.disabled = true;
    try {
      const account = await setOsmConsent(box.checked);
      box.checked = account.osmConsent;
      saved.textContent = t(account.osmConsent ? 'osm.consentOn' : 'osm.consentOff');
    } catch {
      box.checked = !box.checked;
      saved.textContent = t('map.networkDown');
    } finally {
      box.disabled = false;
    }
  });
  me().then((account) => { box.checked = Boolean(account.osmConsent); box.disabled = false; }).catch(() => {});
  const moderator = current.role === 'moderator' || current.role === 'admin';
  return h('div', { class: 'osm-account' },
    h('label', { class: 'check' }, box, ' ', t('osm.consent')), saved,
    moderator ? h('p', { class: 'actions' }, h('button', { type: 'button', id: 'osm-review', onclick: () => {
      new OsmPanel({ root, onBack }).open();
      announce(t('osm.title'));
    } }, t('osm.review'))) : null);
}
