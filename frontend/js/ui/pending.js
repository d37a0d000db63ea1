// The visible count of additions waiting for the network, and the sending when it is back.
import { pending, flush } from '../api/offline-queue.js';
import { announce } from './dom.js';
import { t } from '../i18n/i18n.js';

export function watchPending(badge, onSent) {
  const show = () => {
    const n = pending().length;
    badge.hidden = n === 0;
    badge.textContent = t('pending.count', { n });
  };
  const send = async () => {
    if (!pending().length) return show();
    const sent = await flush({ onRejected: (_, e) => announce(t('pending.rejected', { reason: e.message }), { error: true }) });
    if (sent) {
      announce(t('pending.sent', { n: sent }));
      onSent();
    }
    show();
  };
  window.addEventListener('online', send);
  window.addEventListener('storage', show);
  show();
  send();
  return { show, send };
}
