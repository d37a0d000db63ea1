// Issue 19: what the account holder does with their own sessions, in the logged-in account panel:
// change the password (the current one, then the new one; every other session ends, this one goes
// on) and log out everywhere (this device too). Built node by node, like the rest of the panel.
import { h, announce } from './dom.js';
import { t } from '../i18n/i18n.js';
import { changePassword, logoutEverywhere } from '../api/accounts.js';
import { ApiError, NetworkError } from '../api/client.js';

/** The section; `onLoggedOut(message)` shows the panel logged out, with the message. */
export function accountSecuritySection({ onLoggedOut }) {
  const status = h('p', { class: 'status', role: 'status', id: 'security-status' });
  const form = passwordForm(status);
  const toggle = h('button', { type: 'button', id: 'change-password', 'aria-expanded': 'false', 'aria-controls': 'password-form',
    onclick: () => {
      form.hidden = !form.hidden;
      toggle.setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) form.querySelector('input').focus();
    } }, t('account.changePassword'));
  const everywhere = h('button', { type: 'button', id: 'logout-everywhere', class: 'secondary',
    onclick: () => endEverySession(status, onLoggedOut) }, t('account.logoutEverywhere'));
  return h('section', { class: 'account-security', 'aria-labelledby': 'security-title' },
    h('h3', { id: 'security-title' }, t('account.security')),
    h('p', { class: 'actions' }, toggle), form,
    h('p', { class: 'help' }, t('account.logoutEverywhereHelp')),
    h('p', { class: 'actions' }, everywhere),
    status);
}

function passwordForm(status) {
  const field = (name, label, autocomplete) => h('label', {}, label,
    h('input', { name, type: 'password', required: true, autocomplete, maxlength: 200, minlength: name === 'new' ? 12 : undefined }));
  const form = h('form', { id: 'password-form', hidden: true, novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    if (form.dataset.sending) return; // a second tap would be a second try against the throttle
    form.dataset.sending = 'true';
    const data = new FormData(form);
    status.textContent = t('account.wait');
    try {
      const ended = await changePassword(String(data.get('current') || ''), String(data.get('new') || ''));
      form.reset();
      form.hidden = true;
      status.textContent = t('account.passwordChanged', { n: ended });
      announce(status.textContent);
    } catch (err) {
      status.textContent = message(err);
    } finally {
      delete form.dataset.sending;
    }
  } },
  field('current', t('account.currentPassword'), 'current-password'),
  field('new', t('account.newPassword'), 'new-password'),
  h('p', { class: 'help' }, t('account.passwordHelp')),
  h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('account.savePassword'))));
  return form;
}

async function endEverySession(status, onLoggedOut) {
  if (!window.confirm(t('account.logoutEverywhereSure'))) return;
  status.textContent = t('account.wait');
  try {
    const ended = await logoutEverywhere();
    const done = t('account.loggedOutEverywhere', { n: ended });
    announce(done);
    onLoggedOut(done);
  } catch (err) {
    status.textContent = message(err);
  }
}

function message(e) {
  if (e instanceof NetworkError) return t('map.networkDown');
  if (e instanceof ApiError && e.status === 403) return t('account.wrongCurrent');
  if (e instanceof ApiError && e.status === 429) return t('account.throttled', { s: e.problem?.retryAfter ?? '?' });
  if (e instanceof ApiError && e.errors.length) return e.errors.map((x) => `${t(`account.${x.field}`)} : ${x.reason}`).join(' ; ');
  return e.message;
}
