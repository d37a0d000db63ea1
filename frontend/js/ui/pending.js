// The visible count of additions waiting for the network or a login, and the sending when both are there.
import { pending, flush } from '../api/offline-queue.js';
import { session } from '../api/session.js';
import { announce } from './dom.js';
import { t } from '../i18n/i18n.js';

const RETRY_EVERY_MS = 30_000;

export function watchPending(badge, onSent) {
  const show = () => {
    const n = pending().length;
    badge.hidden = n === 0;
    badge.textContent = t(session() ? 'pending.count' : 'pending.login', { n });
  };
  const send = async () => {
    if (!pending().length || !session()) return show();
    const sent = await flush({ onRejected: (_, e) => announce(t('pending.rejected', { reason: e.message }), { error: true }) });
    if (sent) {
      announce(t('pending.sent', { n: sent }));
      onSent();
    }
    show();
  };
  // On poor signal the browser may never say it went offline: try again now and then too.
  window.addEventListener('online', send);
  document.addEventListener('visibilitychange', () => { if (!document.hidden) send(); });
  setInterval(send, RETRY_EVERY_MS);
  window.addEventListener('storage', show);
  show();
  send();
  return { show, send };
}
