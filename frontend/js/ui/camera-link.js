// A camera's link (issue 14): /#camera=42 with the view, opening the map on its sheet. The sheet's
// share action hands it to the phone's share menu, or copies it where there is none.
import { h, announce } from './dom.js';
import { t } from '../i18n/i18n.js';
import { hashWith } from '../state/url-state.js';

/** The address of a camera's sheet, with the current view and filters. */
export const cameraUrl = (id) => `${location.origin}${location.pathname}${hashWith({ camera: id, account: null, here: null })}`;

export function shareAction(id) {
  return h('button', { type: 'button', class: 'share', onclick: () => share(id) }, t('link.share'));
}

async function share(id) {
  const url = cameraUrl(id);
  if (navigator.share) {
    try {
      await navigator.share({ title: t('sheet.title', { id }), url });
      return;
    } catch (e) {
      if (e && e.name === 'AbortError') return; // the volunteer closed the share menu
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    announce(t('link.copied', { url }));
  } catch {
    // no clipboard (plain HTTP, a refusal): the link is shown, ready to be selected
    announce(t('link.copyThis'), { action: h('input', { type: 'text', readonly: true, value: url, class: 'link-to-copy',
      'aria-label': t('link.share'), onfocus: (e) => e.target.select() }) });
  }
}
