// What waits on the device: a status line counting it, the sending when the network (and a login)
// are there, and a panel listing every item with, for those the server refused, the volunteer's
// choices. Nothing here drops an item on its own: only "discard" does, on the volunteer's word.
import { onDevice, waiting, refused, flush, settle, discard, onQueueChange } from '../api/offline-queue.js';
import { session } from '../api/session.js';
import { announce, h, fill, formatDate } from './dom.js';
import { t, valueLabel, language, onLanguageChange, refusalText } from '../i18n/i18n.js';

const RETRY_EVERY_MS = 30_000;

/** Is this refusal the server's "another camera of the same kind within 10 m"? */
export const isDuplicate = (item) => Boolean(item.refused && String(item.refused.type || '').endsWith('duplicate-suspected'));

/**
 * @param {{line: HTMLElement, panel: HTMLElement, onSent: () => void, onCorrect: (item) => void,
 *   onOpen: () => void}} options `line` is the role="status" count, `panel` lists the items
 */
export function watchPending({ line, panel, onSent, onCorrect, onOpen = () => {} }) {
  const show = () => {
    const all = onDevice();
    const toDecide = refused().length;
    line.hidden = all.length === 0;
    fill(line);
    if (!all.length) return renderPanel();
    const waitingText = t(session() ? 'pending.count' : 'pending.login', { n: all.length - toDecide });
    line.append(toDecide ? `${waitingText} · ${t('pending.toDecide', { n: toDecide })}` : waitingText, ' ',
      h('button', { type: 'button', class: 'link', id: 'pending-open', 'aria-controls': panel.id, onclick: () => open() }, t('pending.see')));
    renderPanel();
  };
  const open = () => {
    onOpen();
    panel.hidden = false;
    renderPanel();
    panel.querySelector('h2')?.focus();
  };
  const close = () => {
    panel.hidden = true;
    line.querySelector('#pending-open')?.focus();
  };
  const renderPanel = () => {
    if (panel.hidden) return;
    const items = onDevice();
    fill(panel,
      h('header', {}, h('h2', { id: 'pending-title', tabindex: '-1' }, t('pending.title')),
        h('button', { type: 'button', class: 'close', 'aria-label': t('pending.close'), onclick: close }, '×')),
      h('p', { class: 'help' }, t('pending.help')),
      items.length ? h('ul', { class: 'pending-list' }, items.map((item) => itemRow(item, { decide, onCorrect })))
        : h('p', {}, t('pending.none')));
  };
  const decide = (id, change) => {
    if (change === null) discard(id);
    else settle(id, change);
    send();
  };
  const send = async () => {
    if (!waiting().length || !session()) return show();
    let rejected = 0;
    const sent = await flush({ onRejected: () => { rejected++; } });
    if (rejected) announce(t('pending.rejected'), { error: true }); // once: the panel lists them
    if (refused().length && panel.hidden) open();
    if (sent) {
      announce(t('pending.sent', { n: sent }));
      onSent();
    }
    show();
  };
  panel.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });
  onQueueChange(show);
  onLanguageChange(show);
  // On poor signal the browser may never say it went offline: try again now and then too.
  window.addEventListener('online', send);
  document.addEventListener('visibilitychange', () => { if (!document.hidden) send(); });
  setInterval(send, RETRY_EVERY_MS);
  window.addEventListener('storage', show);
  show();
  send();
  return { show, send, open, close };
}

/** One item: what it is, when it was made, and for a refused one the reason and the choices. */
function itemRow(item, { decide, onCorrect }) {
  const row = h('li', { class: item.refused ? 'pending-item refused' : 'pending-item', dataset: { pendingId: item.id } },
    h('strong', {}, describe(item)), ' ', h('span', { class: 'muted' }, formatDate(item.at, language())));
  if (!item.refused) return row;
  const choices = h('p', { class: 'actions' });
  if (isDuplicate(item)) {
    row.append(h('p', {}, t('pending.duplicateQuestion')));
    choices.append(h('button', { type: 'button', class: 'primary', onclick: () => decide(item.id, { confirmDuplicate: true }) },
      t('pending.another')));
    const same = item.refused.nearby[0];
    if (same != null) {
      choices.append(h('button', { type: 'button', onclick: () => decide(item.id, { type: 'confirm', cameraId: same, feature: undefined }) },
        t('pending.same', { id: same })));
    }
  } else {
    row.append(h('p', { class: 'error' }, t('pending.refusedBecause', { reason: refusalText(item.refused) })));
    // an addition or an edit opens in the form with its values; an edit of a camera deleted meanwhile (410) cannot be
    if (correctable(item)) choices.append(h('button', { type: 'button', class: 'primary', onclick: () => onCorrect(item) }, t('pending.correct')));
  }
  choices.append(h('button', { type: 'button', class: 'secondary', onclick: () => {
    if (window.confirm(t('pending.discardSure'))) decide(item.id, null);
  } }, t('pending.discard')));
  row.append(choices);
  return row;
}

/** Can the volunteer correct this refused item in the form? Additions, and edits of a camera that still exists. */
export const correctable = (item) => item.type === 'add' || (item.type === 'edit' && ![404, 410].includes(item.refused?.status));

function describe(item) {
  switch (item.type) {
    case 'confirm': return t('pending.itemConfirm', { id: item.cameraId });
    case 'report': return t('pending.itemReport', { id: item.cameraId, reason: t(`report.${item.reason}`) });
    case 'edit': return t('pending.itemEdit', { id: item.cameraId });
    case 'photo': return t('pending.itemPhoto', { id: item.cameraId, kb: Math.round(item.size / 1024) });
    default: {
      const p = item.feature.properties || {};
      return t('pending.itemAdd', { kind: valueLabel('kind', p.kind || 'camera') }) + (p.operator ? ` (${p.operator})` : '');
    }
  }
}
