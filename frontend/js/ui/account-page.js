// An account's page (issue 14), like an OpenStreetMap user's: its name, role and age, what it wrote
// (newest first, each a link to the camera's sheet), and for moderators the account's suspension and
// the revert of everything it did, together with its puppets, previewed before it runs. Reached by
// #account=NAME: a version's author, a report's reporter, a line of the moderation log.
import { h, fill, announce, formatDate, formatDay } from './dom.js';
import { t, valueLabel, language } from '../i18n/i18n.js';
import { profile, contributions } from '../api/accounts.js';
import { suspend, lift, revertTogether } from '../api/moderation.js';
import { session } from '../api/session.js';
import { hashWith } from '../state/url-state.js';

export class AccountPage {
  /** @param {HTMLElement} root @param {{onClose: () => void}} options */
  constructor(root, { onClose }) {
    Object.assign(this, { root, onClose, username: null });
    root.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.close(); });
  }

  async open(username) {
    this.username = username;
    this.root.hidden = false;
    const title = h('h2', { id: 'account-page-title', tabindex: '-1' }, t('accountPage.title', { name: username }));
    this.body = h('div', { class: 'account-page-body' }, h('p', { class: 'muted' }, t('account.wait')));
    fill(this.root, h('header', {}, title,
      h('button', { type: 'button', class: 'close', 'aria-label': t('sheet.close'), onclick: () => this.close() }, '×')), this.body);
    title.focus();
    await this.render();
  }

  close() {
    if (this.root.hidden) return;
    this.root.hidden = true;
    this.username = null;
    this.onClose();
  }

  async render() {
    const username = this.username;
    const body = this.body;
    try {
      const account = await profile(username);
      if (body !== this.body || username !== this.username) return;
      const list = h('ol', { class: 'contributions' });
      const more = h('p', { class: 'actions' });
      fill(body, about(account), this.moderatorTools(account), h('h3', {}, t('accountPage.contributions')), list, more);
      await this.page(list, more, null);
    } catch (e) {
      fill(body, h('p', { class: 'error' }, e.status === 404 ? t('accountPage.unknown', { name: username }) : e.message));
    }
  }

  /** Adds a page of contributions to the list, and a button for the next one. */
  async page(list, more, before) {
    try {
      const found = await contributions(this.username, before);
      if (!found.items.length && !before) list.append(h('li', { class: 'empty' }, t('accountPage.none')));
      list.append(...found.items.map((c) => h('li', { dataset: { cameraId: c.cameraId, version: c.version } },
        h('a', { href: hashWith({ camera: c.cameraId, account: null }) }, t('sheet.title', { id: c.cameraId })),
        ` · v${c.version} · ${valueLabel('action', c.action)} · ${c.at ? formatDate(c.at, language()) : formatDay(c.date, language())}`,
        c.changedFields.length ? h('span', { class: 'muted' }, ` · ${c.changedFields.map(fieldName).join(', ')}`) : '')));
      fill(more, found.next ? h('button', { type: 'button', class: 'secondary',
        onclick: () => this.page(list, more, found.next) }, t('accountPage.more')) : null);
    } catch (e) {
      fill(more, h('span', { class: 'error' }, e.message));
    }
  }

  /** Suspend or lift, and revert with its puppets: for moderators, on someone else's page. */
  moderatorTools(account) {
    const me = session();
    if (!me || !['moderator', 'admin'].includes(me.role) || me.username.toLowerCase() === account.username.toLowerCase()) return null;
    return h('section', { class: 'moderator-tools', 'aria-label': t('accountPage.moderation') },
      account.suspension ? this.liftForm(account) : this.suspendForm(account),
      this.revertForm(account));
  }

  suspendForm(account) {
    const reason = h('input', { type: 'text', name: 'reason', required: true, maxlength: 500, class: 'suspend-reason' });
    const until = h('input', { type: 'date', name: 'until', class: 'suspend-until' });
    return h('form', { class: 'suspend', onsubmit: (e) => {
      e.preventDefault();
      if (!reason.value.trim()) return announce(t('accountPage.reasonNeeded'), { error: true });
      this.act(() => suspend(account.username, reason.value.trim(), until.value ? `${until.value}T00:00:00Z` : null),
        t('accountPage.suspended', { name: account.username }));
    } },
    h('h3', {}, t('accountPage.suspendTitle')),
    h('label', {}, t('accountPage.reason'), reason),
    h('label', {}, t('accountPage.until'), until),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('accountPage.suspend'))));
  }

  liftForm(account) {
    const s = account.suspension;
    return h('div', { class: 'suspension' },
      h('p', { class: 'error' }, t(s.until ? 'accountPage.suspendedUntil' : 'accountPage.suspendedUntilLifted',
        { reason: s.reason, until: formatDate(s.until, language()) })),
      h('p', { class: 'actions' }, h('button', { type: 'button', class: 'lift',
        onclick: () => this.act(() => lift(account.username), t('accountPage.lifted', { name: account.username })) },
      t('accountPage.lift'))));
  }

  /** The joint revert: the preview first (what it would restore or hide, what it leaves), then the revert. */
  revertForm(account) {
    const others = h('input', { type: 'text', name: 'others', class: 'revert-others', autocomplete: 'off',
      placeholder: t('accountPage.othersExample') });
    const since = h('input', { type: 'date', name: 'since', class: 'revert-since' });
    const preview = h('div', { class: 'revert-preview', 'aria-live': 'polite' }, this.lastReport ? reportView(this.lastReport) : null);
    this.lastReport = null;
    const request = () => ({
      accounts: [account.username, ...others.value.split(/[\s,;]+/).map((n) => n.trim()).filter(Boolean)],
      since: since.value ? `${since.value}T00:00:00Z` : null,
    });
    const run = async (ask) => {
      try {
        const report = await revertTogether(ask.accounts, ask.since, false);
        announce(t('accountPage.reverted', { reverted: report.reverted, hidden: report.hidden }));
        this.lastReport = report; // shown again in the page as it is now
        await this.render();
      } catch (e) {
        announce(e.message, { error: true });
      }
    };
    return h('form', { class: 'revert', onsubmit: async (e) => {
      e.preventDefault();
      const ask = request();
      fill(preview, h('p', { class: 'muted' }, t('account.wait')));
      try {
        const report = await revertTogether(ask.accounts, ask.since, true);
        fill(preview, reportView(report), report.reverted + report.hidden ? h('p', { class: 'actions' },
          h('button', { type: 'button', class: 'primary revert-run', onclick: () => run(ask) },
            t('accountPage.revertRun', { n: report.reverted + report.hidden }))) : null);
        preview.scrollIntoView({ block: 'nearest' });
      } catch (err) {
        fill(preview, h('p', { class: 'error' }, err.message));
      }
    } },
    h('h3', {}, t('accountPage.revertTitle')),
    h('p', { class: 'help' }, t('accountPage.revertHelp')),
    h('label', {}, t('accountPage.others'), others),
    h('label', {}, t('accountPage.since'), since),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'revert-preview-button' }, t('accountPage.preview'))),
    preview);
  }

  /** Sends a moderator's decision, says what happened, and shows the page as it is now. */
  async act(send, done) {
    try {
      await send();
      announce(done);
      await this.render();
    } catch (e) {
      announce(e.message, { error: true });
    }
  }
}

/** Who the account is: its role and since when, in plain words; a deleted one says so. */
function about(account) {
  const deleted = /^deleted-\d+$/.test(account.username);
  return h('p', { class: 'about' }, deleted ? t('accountPage.deleted')
    : t('accountPage.about', { role: t(`account.role.${account.role}`), since: formatDay(account.createdAt, language()) }));
}

/** A revert's report (or its preview): each camera and the versions, then what it leaves alone. */
function reportView(report) {
  const camera = (id) => h('a', { href: hashWith({ camera: id, account: null }) }, t('sheet.title', { id }));
  return h('div', { class: 'revert-report', dataset: { dryRun: String(report.dryRun) } },
    h('p', {}, t(report.dryRun ? 'accountPage.previewSummary' : 'accountPage.doneSummary',
      { reverted: report.reverted, hidden: report.hidden, skipped: report.skipped.length })),
    report.changes.length ? h('ul', { class: 'changes' }, report.changes.map((c) => h('li', { dataset: { cameraId: c.cameraId } },
      camera(c.cameraId), ' : ', c.action === 'hide' ? t('accountPage.change.hide')
        : t('accountPage.change.restore', { from: c.fromVersion, to: c.toVersion })))) : null,
    report.skipped.length ? h('ul', { class: 'skipped' }, report.skipped.map((s) => h('li', {}, camera(s.cameraId), ` : ${s.reason}`))) : null);
}

function fieldName(field) {
  const label = t(`field.${field}`);
  return label === `field.${field}` ? field : label;
}
