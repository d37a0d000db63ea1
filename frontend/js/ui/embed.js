// Embedding for journalists: ?embed=1 shows the map only (the view and filters come from the
// URL), with a "copy embed code" action. The code is an <iframe> on this same view.
import { h, fill, announce } from './dom.js';
import { t } from '../i18n/i18n.js';

export const isEmbed = (search = location.search) => new URLSearchParams(search).get('embed') === '1';

/** The <iframe> code for the current view, as text. */
export function embedCode(origin = location.origin, hash = location.hash) {
  const src = `${origin}/?embed=1${hash}`;
  return `<iframe src="${src.replace(/"/g, '&quot;')}" width="600" height="450" style="border:0" title="Vigie" loading="lazy"></iframe>`;
}

export function renderEmbedTools(root) {
  const code = h('textarea', { id: 'embed-code', readonly: true, rows: 3, hidden: true, 'aria-label': t('embed.label') });
  const copy = async () => {
    code.value = embedCode();
    try {
      await navigator.clipboard.writeText(code.value);
      announce(t('embed.copied'));
    } catch {
      // no clipboard (permission, http): show the code selected, ready to copy by hand
      code.hidden = false;
      code.select();
    }
  };
  const full = h('a', { class: 'button', target: '_blank', rel: 'noopener', href: '/' }, t('embed.open'));
  full.addEventListener('click', () => { full.href = `/${location.hash}`; });
  fill(root, h('button', { type: 'button', id: 'copy-embed', onclick: copy }, t('embed.copy')), ' ', isEmbed() ? full : null, code);
}
