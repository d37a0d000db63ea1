// Moderators review what volunteers mapped and send it to OpenStreetMap: the cameras ready (new
// ones, OpenStreetMap's cameras volunteers changed or deleted), a comment, one button; the cameras
// held for review (refused by OpenStreetMap, or an upload's outcome unknown), each to send again
// once checked; then what was sent, with the node each camera became.
import { h, fill, announce, formatDate } from './dom.js';
import { t, language as lang } from '../i18n/i18n.js';
import { readyEdits, uploads, upload, josmFile, holds, release } from '../api/osm.js';
import { ApiError, NetworkError } from '../api/client.js';

const OSM = 'https://www.openstreetmap.org/';

export class OsmPanel {
  /**
   * In the account panel (with onBack, a page of its own) or as a tab of the moderation screen
   * (without: the tab names it).
   * @param {{root: HTMLElement, onBack?: () => void}} options
   */
  constructor({ root, onBack }) {
    Object.assign(this, { root, onBack });
  }

  async open() {
    fill(this.root, this.header(), h('p', { role: 'status' }, t('osm.loading')));
    if (this.onBack) this.root.querySelector('h2').focus();
    try {
      const [ready, sent, held] = await Promise.all([readyEdits(), uploads(), holds()]);
      this.render(ready, sent, held);
    } catch (e) {
      fill(this.root, this.header(), h('p', { class: 'status', role: 'status' }, problem(e)));
    }
  }

  header() {
    if (!this.onBack) return null;
    return h('header', {},
      h('h2', { id: 'account-title', tabindex: '-1' }, t('osm.title')),
      h('button', { type: 'button', class: 'secondary', id: 'osm-back', onclick: () => this.onBack() }, t('osm.back')));
  }

  render(ready, sent, held = []) {
    this.status = h('p', { class: 'status osm-status', role: 'status' });
    const readyList = ready.length === 0 ? h('p', { class: 'help' }, t('osm.nothingReady'))
      : h('ul', { id: 'osm-ready', class: 'osm-list' }, ...ready.map((e) => h('li', {},
        h('strong', {}, t(`osm.action.${e.action}`)), ' ',
        h('a', { href: `#map=19/${e.lat}/${e.lon}` }, t('osm.camera', { id: e.cameraId })),
        e.osmId ? ` (node ${e.osmId} v${e.osmVersion})` : '',
        h('span', { class: 'help' }, ` — ${Object.entries(e.tags).map(([k, v]) => `${k}=${v}`).join(', ')}`))));
    const form = ready.length === 0 ? null : h('form', { id: 'osm-upload', novalidate: true,
      onsubmit: (ev) => { ev.preventDefault(); this.send(ev.currentTarget); } },
    h('label', {}, t('osm.comment'), h('input', { name: 'comment', type: 'text', required: true, maxlength: 255 })),
    h('p', { class: 'help' }, t('osm.licence')),
    h('p', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, t('osm.send', { n: ready.length })),
      h('a', { href: '/api/osm/changes?format=josm', id: 'osm-josm', download: 'vigie-changes.osm',
        onclick: (ev) => { ev.preventDefault(); this.download(); } }, t('osm.josm'))));
    const heldList = held.length === 0 ? null : h('section', { id: 'osm-holds' },
      h('h3', {}, t('osm.holds', { n: held.length })),
      h('p', { class: 'help' }, t('osm.holdsHelp')),
      h('ul', { class: 'osm-list' }, ...held.map((x) => h('li', {},
        h('a', { href: `#map=19/${x.lat}/${x.lon}` }, t('osm.camera', { id: x.cameraId })), ' ',
        x.changeset ? h('a', { href: `${OSM}changeset/${x.changeset}`, rel: 'noopener', target: '_blank' },
          t('osm.changeset', { id: x.changeset })) : '',
        h('span', { class: 'help' }, ` — ${x.problem}`), ' ',
        h('button', { type: 'button', class: 'secondary', onclick: () => this.release(x.cameraId) },
          t('osm.release', { id: x.cameraId }))))));
    fill(this.root, this.header(), this.status,
      h('h3', {}, t('osm.ready', { n: ready.length })), readyList, form, heldList,
      h('h3', {}, t('osm.sent')),
      sent.length === 0 ? h('p', { class: 'help' }, t('osm.nothingSent'))
        : h('ul', { id: 'osm-sent', class: 'osm-list' }, ...sent.map((u) => h('li', {},
          h('strong', {}, u.comment), ` — ${formatDate(u.at, lang())}, ${u.uploadedBy ?? ''} `,
          u.changeset ? h('a', { href: `${OSM}changeset/${u.changeset}`, rel: 'noopener', target: '_blank' },
            t('osm.changeset', { id: u.changeset })) : '',
          h('span', {}, ` · ${t('osm.sentCount', { n: u.sent.length })}`),
          u.held.length ? h('ul', { class: 'held' }, ...u.held.map((x) =>
            h('li', {}, t('osm.held', { id: x.cameraId }), ' ', h('span', { class: 'help' }, x.problem),
              x.releasedAt ? ` ${t('osm.releasedMark')}` : ''))) : null))));
  }

  async send(form) {
    if (this.sending) return;
    const comment = String(new FormData(form).get('comment') || '').trim();
    if (!comment) {
      this.status.textContent = t('osm.commentNeeded');
      form.querySelector('input').focus();
      return;
    }
    this.sending = true;
    this.status.textContent = t('osm.sending');
    try {
      const result = await upload(comment);
      announce(t('osm.done', { sent: result.sent.length, held: result.held.length }));
      await this.open();
      this.status.textContent = t('osm.done', { sent: result.sent.length, held: result.held.length });
    } catch (e) {
      this.status.textContent = problem(e);
    } finally {
      this.sending = false;
    }
  }

  async release(cameraId) {
    try {
      await release(cameraId);
      await this.open();
      this.status.textContent = t('osm.released', { id: cameraId });
      announce(t('osm.released', { id: cameraId }));
    } catch (e) {
      this.status.textContent = problem(e);
    }
  }

  /** The JOSM file needs the moderator's token: fetched, then handed to the browser as a download. */
  async download() {
    try {
      const body = await josmFile();
      const link = h('a', { href: URL.createObjectURL(new Blob([body], { type: 'application/xml' })), download: 'vigie-changes.osm' });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (e) {
      this.status.textContent = problem(e);
    }
  }
}

function problem(e) {
  if (e instanceof NetworkError) return t('map.networkDown');
  if (e instanceof ApiError) return e.problem?.detail || e.message;
  return e.message;
}
