// Embedding for journalists. On the full map, the city panel and the camera sheet offer "Embed":
// the <iframe> code of the view as it is (city, filters, view). The embedded map (?embed=1) shows
// the map only, nothing to edit, with the city's headline figures and the credits in a box that
// leaves the zoom buttons free, from 300 px wide.
import { h, fill, announce } from './dom.js';
import { t } from '../i18n/i18n.js';
import { get } from '../api/client.js';

export const isEmbed = (search = location.search) => new URLSearchParams(search).get('embed') === '1';

/**
 * What writes, or leads to writing: the toolbar's add, sites and account buttons, the form and the
 * panels they open, and what waits on the device. An embedded map removes them from the page.
 */
const WRITE_CONTROLS = ['add', 'sites', 'account', 'editor', 'account-panel', 'site-panel', 'site-report',
  'moderation-panel', 'account-page', 'pending', 'pending-panel'];

export function removeWriteControls(doc) {
  for (const id of WRITE_CONTROLS) doc.getElementById(id)?.remove();
}

/** An embedded map's stand-in for the queue's status line: nothing is listed, nothing is sent. */
export const NOTHING_PENDING = Object.freeze({ show() {}, send() {}, open() {}, close() {} });

/** The <iframe> code for a view, as text. */
export function embedCode(origin = location.origin, hash = location.hash) {
  const src = `${origin}/?embed=1${hash}`;
  return `<iframe src="${src.replace(/"/g, '&quot;')}" width="600" height="450" style="border:0" title="Vigie" loading="lazy"></iframe>`;
}

/**
 * An "Embed" button that shows the code for the view `hash()` gives (the current one by default),
 * selected, and copies it when the browser lets it.
 */
export function embedAction(hash = () => location.hash) {
  const code = h('textarea', { class: 'embed-code', readonly: true, rows: 4, hidden: true, 'aria-label': t('embed.label') });
  const button = h('button', { type: 'button', class: 'embed-open', 'aria-expanded': 'false' }, t('embed.action'));
  button.addEventListener('click', async () => {
    code.value = embedCode(location.origin, hash());
    code.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    code.focus();
    code.select();
    try {
      await navigator.clipboard.writeText(code.value);
      announce(t('embed.copied'));
    } catch {
      // no clipboard (permission, http): the code is shown selected, ready to copy by hand
    }
  });
  return h('div', { class: 'embed-action' }, button, code);
}

/** In an embedded map: the credits and a link to the full map, and the city's headline when one is shown. */
export function renderEmbedTools(root) {
  if (!isEmbed()) {
    fill(root);
    return;
  }
  const full = h('a', { target: '_blank', rel: 'noopener', href: '/', class: 'embed-full' }, t('embed.open'));
  full.addEventListener('click', () => { full.href = `/${location.hash}`; });
  fill(root, h('p', { class: 'embed-headline', hidden: true }), h('p', { class: 'embed-credits' }, t('embed.credits'), ' ', full));
}

/** Shows a city's headline figures in the embedded map's box (nothing when the city has no dossier). */
export async function showEmbedHeadline(root, code) {
  const line = root.querySelector('.embed-headline');
  if (!line) return;
  line.hidden = true;
  if (!code) return;
  try {
    const d = await get(`/api/cities/${encodeURIComponent(code)}/dossier`);
    const signs = d.signs.complianceShare == null ? '' : ` ${t('embed.signs', { share: Math.round(d.signs.complianceShare * 100) })}`;
    fill(line, h('strong', {}, d.name), ' ', t('embed.headline', { n: d.cameras.total, verified: Math.round(d.cameras.verifiedShare * 100) }), signs);
    line.hidden = false;
  } catch {
    // the map still shows the city's outline and cameras
  }
}
