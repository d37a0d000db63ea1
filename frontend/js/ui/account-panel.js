// The account panel: log in or create an account (a pseudonym and a password, nothing else
// needed), or, logged in, who you are and a way out. Opened by the toolbar button, or by a save
// that needs an account; the draft it interrupted is kept and sent once logged in.
import { h, fill, announce } from './dom.js';
import { t } from '../i18n/i18n.js';
import { login, register, logout, deleteAccount } from '../api/accounts.js';
import { session } from '../api/session.js';
import { ApiError, NetworkError } from '../api/client.js';
import { solveRegistrationChallenge, challengeRefused } from '../api/registration-challenge.js';
import { consentField, accountOsmSection } from './osm-consent.js';
import { accountSecuritySection } from './account-security.js';
import { hashWith } from '../state/url-state.js';

export class AccountPanel {
  /** @param {{root: HTMLElement, onLoggedIn: () => void, onClose: () => void}} options */
  constructor({ root, onLoggedIn, onClose, onModerate = null, onImport = null }) {
    Object.assign(this, { root, onLoggedIn, onClose, onModerate, onImport, mode: 'login' });
    root.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.close(); });
  }

  /** Opens the panel; `reason` says why when a save asked for it. */
  open(reason = '') {
    this.reason = reason;
    this.render();
    this.root.hidden = false;
    (this.root.querySelector('input') || this.root.querySelector('h2')).focus();
  }

  close() {
    if (this.root.hidden) return;
    this.root.hidden = true;
    this.onClose();
  }

  render() {
    const current = session();
    const header = h('header', {},
      h('h2', { id: 'account-title', tabindex: '-1' }, t(current ? 'account.title' : `account.${this.mode}Title`)),
      h('button', { type: 'button', class: 'close', 'aria-label': t('sheet.close'), onclick: () => this.close() }, '×'));
    if (current) {
      fill(this.root, header,
        h('p', {}, t('account.loggedInAs', { name: current.username, role: t(`account.role.${current.role}`) }), ' ',
          // issue 14: one's own page, as others see it
          h('a', { href: hashWith({ account: current.username, camera: null }), id: 'my-contributions',
            onclick: () => { this.root.hidden = true; } }, t('account.myContributions'))),
        accountOsmSection(current, { root: this.root, onBack: () => this.open() }),
        // issue 19: change the password, log out everywhere
        accountSecuritySection({ onLoggedOut: (done) => { this.reason = done; this.render(); this.root.querySelector('input')?.focus(); } }),
        h('p', { class: 'actions' },
          // issue 14: the moderators' screen, for moderators and admins
          this.onModerate && ['moderator', 'admin'].includes(current.role)
            ? h('button', { type: 'button', id: 'open-moderation', onclick: () => { this.root.hidden = true; this.onModerate(); } },
              t('moderation.open')) : null,
          // the administrators' Imports screen: files of cameras and boundaries, the OpenStreetMap sync
          this.onImport && current.role === 'admin'
            ? h('button', { type: 'button', id: 'open-imports', onclick: () => { this.root.hidden = true; this.onImport(); } },
              t('imports.open')) : null,
          h('button', { type: 'button', id: 'logout', onclick: () => this.logout() }, t('account.logout'))),
        h('p', { class: 'actions' }, h('button', { type: 'button', id: 'delete-account', class: 'link',
          onclick: () => this.askDeletion(header) }, t('account.delete'))));
      return;
    }
    this.status = h('p', { class: 'status', role: 'status' }, this.reason);
    const registering = this.mode === 'register';
    // The proof of work starts while the volunteer types (issue 14: sock puppets).
    if (registering && !this.altcha) this.altcha = this.solve();
    const field = (name, type, label, extra = {}) => h('label', {}, label,
      h('input', { name, type, required: name !== 'email', autocomplete: extra.autocomplete, minlength: extra.min, maxlength: extra.max }));
    fill(this.root, header, this.status,
      h('form', { id: 'account-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); this.submit(e.currentTarget); } },
        field('username', 'text', t('account.username'), { autocomplete: 'username', min: 3, max: 40 }),
        field('password', 'password', t('account.password'), { autocomplete: registering ? 'new-password' : 'current-password', max: 200 }),
        registering ? h('p', { class: 'help' }, t('account.passwordHelp')) : null,
        registering ? field('email', 'email', t('account.email'), { autocomplete: 'email', max: 254 }) : null,
        registering ? h('p', { class: 'help' }, t('account.privacy')) : null,
        registering ? consentField(false) : null,
        h('p', { class: 'actions' },
          h('button', { type: 'submit', class: 'primary' }, t(registering ? 'account.register' : 'account.login')),
          h('button', { type: 'button', class: 'secondary', onclick: () => this.switchMode() },
            t(registering ? 'account.haveOne' : 'account.createOne')))));
  }

  switchMode() {
    this.mode = this.mode === 'login' ? 'register' : 'login';
    this.render();
    this.root.querySelector('input').focus();
  }

  async submit(form) {
    // A second tap while the first is under way would be a second login for the same name (429).
    if (this.submitting) return;
    this.submitting = true;
    const data = new FormData(form);
    const [username, password, email] = ['username', 'password', 'email'].map((k) => String(data.get(k) || ''));
    this.status.textContent = t('account.wait');
    try {
      const account = this.mode === 'register'
        ? await this.registerWithChallenge(username, password, email, data.get('osmConsent') === 'on')
        : await login(username, password);
      announce(t('account.welcome', { name: account.username }));
      this.root.hidden = true;
      this.onLoggedIn();
    } catch (e) {
      this.status.textContent = message(e);
    } finally {
      this.submitting = false;
    }
  }

  /** A solving under way, its failure kept for the submit (which solves again) rather than unhandled. */
  solve() {
    const solving = solveRegistrationChallenge();
    solving.catch(() => {});
    return solving;
  }

  /** Registers with the solved challenge; one that expired or was used meanwhile is solved again, once. */
  async registerWithChallenge(username, password, email, osmConsent) {
    const altcha = await (this.altcha || this.solve()).catch(() => this.solve());
    this.altcha = null;
    try {
      return await register(username, password, email, altcha, osmConsent);
    } catch (e) {
      // A refusal for another field spent nothing: the same solution serves the next try.
      if (!challengeRefused(e)) {
        this.altcha = Promise.resolve(altcha);
        throw e;
      }
      return register(username, password, email, await this.solve(), osmConsent);
    }
  }

  /** Issue 14: deleting one's account, the password asked again; what it erases and keeps said first. */
  askDeletion(header) {
    const status = h('p', { class: 'status', role: 'status' });
    const password = h('input', { name: 'password', type: 'password', required: true, autocomplete: 'current-password', maxlength: 200 });
    fill(this.root, header, h('h3', {}, t('account.deleteTitle')), h('p', { class: 'help' }, t('account.deleteHelp')), status,
      h('form', { id: 'delete-account-form', onsubmit: async (e) => {
        e.preventDefault();
        status.textContent = t('account.wait');
        try {
          await deleteAccount(password.value);
          announce(t('account.deleted'));
          this.render();
        } catch (err) {
          status.textContent = err instanceof ApiError && err.status === 403 ? t('account.wrongPassword') : message(err);
        }
      } },
      h('label', {}, t('account.password'), password),
      h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, t('account.deleteConfirm')),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.render() }, t('account.back')))));
    password.focus();
  }

  async logout() {
    await logout().catch(() => {});
    announce(t('account.loggedOut'));
    this.render();
  }
}

function message(e) {
  if (e instanceof NetworkError) return t('map.networkDown');
  if (e instanceof ApiError && e.status === 429) return t('account.throttled', { s: e.problem?.retryAfter ?? '?' });
  if (e instanceof ApiError && e.errors.length) return e.errors.map((x) => `${t(`account.${x.field}`)} : ${x.reason}`).join(' ; ');
  if (e instanceof ApiError && e.status === 401) return t('account.badCredentials');
  return e.message;
}
