// Adding (or editing) a camera, made for a phone in the street: locate me, drag the marker, turn
// the cone by its handle or with the compass, fill in what is known, save. Without network the
// addition waits on the device (offline-queue.js).
import { h, fill, announce, debounce } from './dom.js';
import { t, refusalText, onLanguageChange } from '../i18n/i18n.js';
import { CameraForm } from './camera-form.js';
import { readCompass } from './compass.js';
import { Placement } from '../map/placement.js';
import { addCamera, write, discard } from '../api/offline-queue.js';
import { camera as fetchCamera, camerasIn, operatorsNear } from '../api/cameras.js';
import { ApiError, NetworkError } from '../api/client.js';
import { distance } from '../geo/sphere.js';

const DUPLICATE_METRES = 10;
const READ_ONLY = ['status', 'source', 'sourceId', 'tags', 'version', 'createdAt', 'updatedAt', 'city', 'confirmations', 'lastConfirmedAt', 'toRecheck'];

export class AddFlow {
  /**
   * @param {{root: HTMLElement, map, nearbyOperators: () => string[], onSaved: () => void, onClose: () => void,
   *   onLoginRequired: (reason: string) => void, sitesAt?: ([lon, lat]) => Promise<object[]>}} options
   * `sitesAt` answers the sites whose outline holds a position: they are offered to the camera (issue 16).
   */
  constructor({ root, map, nearbyOperators, onSaved, onClose, onLoginRequired, sitesAt = null }) {
    Object.assign(this, { root, map, nearbyOperators, onSaved, onClose, onLoginRequired, sitesAt, placement: null, editing: null });
    this.checkDuplicates = debounce(() => { this.duplicates(); this.offerSites(); this.offerAuthorisations(); }, 400);
    this.suggestOperators = debounce(() => this.operators(), 300);
    root.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.close(); });
    onLanguageChange(() => this.retranslate());
  }

  get open() {
    return this.placement !== null;
  }

  /**
   * Starts adding a camera at the centre of the map, or editing `feature` ({id, properties, version}).
   * `preset` fills a new camera's fields (a site's floor: site, level, zone); `sites` may be chosen.
   */
  start(feature = null, { correcting = null, preset = null, sites = [], at = null, focus = true } = {}) {
    this.close({ silent: true });
    // a feature with an id is a camera being edited (a refused edit being corrected too); an addition has none
    this.editing = feature && feature.id != null
      ? { id: feature.id, version: feature.properties.version, properties: feature.properties, geometry: feature.geometry } : null;
    this.correcting = correcting;
    this.correctionNotice = null;
    const formRoot = h('div', { class: 'camera-form' });
    this.form = new CameraForm(formRoot, (props) => { this.placement.update(props); this.checkDuplicates(); });
    this.status = h('p', { class: 'status', role: 'status' });
    this.warning = h('p', { class: 'warning', role: 'alert', hidden: true });
    const title = this.editing ? t('add.editTitle', { id: feature.id }) : t('add.title');
    fill(this.root,
      h('header', {}, h('h2', { id: 'editor-title', tabindex: '-1' }, title),
        h('button', { type: 'button', class: 'close', 'aria-label': t('add.cancel'), onclick: () => this.close() }, '×')),
      h('p', { class: 'help' }, t('add.help')),
      h('p', { class: 'actions' },
        h('button', { type: 'button', id: 'locate', onclick: () => this.locate() }, t('add.locate')),
        h('button', { type: 'button', id: 'compass', onclick: () => this.compass() }, t('add.compass'))),
      this.status, this.warning,
      h('form', { id: 'camera-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); this.submit(); } }, formRoot),
      // the sheet's own last child, so that it stays at the sheet's bottom from the first line on
      // (inside the form, it could not rise above the form's top: on a phone, below the fold)
      h('p', { class: 'actions sticky' },
        this.saveButton = h('button', { type: 'submit', form: 'camera-form', class: 'primary' }, t('add.submit')),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.close() }, t('add.cancel'))));
    this.form.build(feature ? feature.properties : (preset || {}), { operators: this.nearbyOperators(), sites });
    this.placement = new Placement(this.map, {
      labels: { marker: t('add.title'), handle: (n) => t('add.directionN', { n }) },
      onMove: () => { this.checkDuplicates(); this.suggestOperators(); },
      onTurn: (bearing, index) => this.form.setDirection(bearing, index),
    });
    this.placement.update(this.form.read());
    if (at) this.placement.place(at);
    else if (feature) this.placement.moveTo(feature.geometry.coordinates);
    this.root.querySelector('#cam-operator').addEventListener('input', () => this.suggestOperators());
    this.root.hidden = false;
    document.body.classList.add('editing');
    if (focus) this.root.querySelector('#editor-title').focus();
    this.checkDuplicates();
    this.suggestOperators();
  }

  /**
   * A language switch redraws the open form in the new language: everything typed or ticked is
   * put back as it was (raw, even a value not valid yet), the folded parts stay as they were, the
   * marker stays where it was dragged and the map where it is, and the focus on the language button.
   */
  retranslate() {
    if (!this.open) return;
    const fields = () => [...this.root.querySelectorAll('input[id], select[id], textarea[id]')];
    const typed = new Map(fields().map((el) => [el.id, ['checkbox', 'radio'].includes(el.type) ? el.checked : el.value]));
    const unfolded = [...this.root.querySelectorAll('details')].map((d) => d.open);
    const { editing, correcting, correctionNotice } = this;
    const props = this.form.read();
    const feature = editing ? { id: editing.id, geometry: null, properties: { ...editing.properties, ...props } } : null;
    this.start(feature, { correcting, preset: props, sites: this.form.siteChoices, at: this.placement.position, focus: false });
    this.editing = editing; // what the edit started from, for changes()
    for (const el of fields()) {
      if (!typed.has(el.id)) continue;
      if (['checkbox', 'radio'].includes(el.type)) el.checked = typed.get(el.id);
      else el.value = typed.get(el.id);
    }
    this.root.querySelectorAll('details').forEach((d, i) => { if (i < unfolded.length) d.open = unfolded[i]; });
    this.form.showIndoor();
    this.placement.update(this.form.read());
    if (correctionNotice) this.showCorrection(correctionNotice, { focus: false });
  }

  /** Why the item being corrected was refused, and its fields marked: said again in a new language. */
  showCorrection(notice, { focus = true } = {}) {
    this.correctionNotice = notice;
    this.form.showErrors(notice.errors, { focus });
    this.say(notice.text());
  }

  /**
   * Opens a refused addition or edit from the queue in the form, with every value the volunteer
   * gave and the server's reasons; saving sends (or queues) it again and replaces it, closing the
   * form keeps it refused on the device. An edit refused for a stale version is set on the
   * camera's current version (fetched), the volunteer's values over it, and says so.
   */
  async correct(item) {
    const reason = item.refused || { detail: '', errors: [] };
    let text = () => t('add.correcting', { reason: refusalText(reason) });
    if (item.type !== 'edit') {
      this.start(item.feature, { correcting: item.id });
    } else {
      let properties = { ...item.feature.properties, version: item.version };
      let geometry = item.feature.geometry;
      if (reason.status === 409) {
        try {
          const { body } = await fetchCamera(item.cameraId);
          // only what the volunteer changed goes over the current version (all of it for an item queued before `changed` was kept)
          const mine = item.changed ? Object.fromEntries(item.changed.map((k) => [k, item.feature.properties[k]])) : item.feature.properties;
          properties = { ...body.properties, ...mine, version: body.properties.version };
          if (item.moved === false) geometry = body.geometry;
          const { version } = body.properties;
          text = () => t('add.correctingConflict', { version });
        } catch {
          // offline: corrected on the version it had; the server will say again if it is still stale
        }
      }
      this.start({ id: item.cameraId, geometry, properties }, { correcting: item.id });
    }
    this.showCorrection({ text, errors: reason.errors || [] });
  }

  locate() {
    if (!navigator.geolocation) return this.say(t('add.locateFailed'));
    this.say(t('add.locating'));
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        this.placement.moveTo([pos.coords.longitude, pos.coords.latitude], 18);
        this.say(t('add.located', { accuracy: Math.round(pos.coords.accuracy) }));
      },
      () => this.say(t('add.locateFailed')),
      // a fresh position every time: a volunteer walks 20 m in 15 s, and the camera's place matters to the metre
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 0 });
  }

  async compass() {
    this.say(t('add.compassWaiting'));
    const heading = await readCompass();
    if (heading === null) return this.say(t('add.compassDenied'));
    this.form.setDirection(heading);
    this.placement.update(this.form.read());
    this.say(t('add.compassSet', { dir: heading }));
  }

  /**
   * The operators the server knows around the marker, matching what is typed (accents aside), the
   * most frequent first with their counts; offline, the list from the cameras on screen stays.
   */
  async operators() {
    if (!this.placement) return;
    const input = this.root.querySelector('#cam-operator');
    this.operatorCheck?.abort();
    const check = this.operatorCheck = new AbortController();
    try {
      const found = await operatorsNear(this.placement.position, input.value.trim(), { signal: check.signal });
      const list = this.root.querySelector('#cam-operators');
      if (!list || check.signal.aborted) return;
      fill(list, found.map((o) => h('option', { value: o.name, label: t('add.operatorCount', { n: o.cameras }) })));
    } catch {
      // offline or not deployed: the suggestions from the map stay
    }
  }

  /** Warns when a camera of the same kind is already mapped within 10 m. */
  async duplicates() {
    if (!this.placement) return;
    const [lon, lat] = this.placement.position;
    const kind = this.form.read().kind;
    const d = 0.0003; // about 33 m of latitude, more than 10 m of longitude anywhere people live
    this.duplicateCheck?.abort(); // an answer for a place the marker has left must not overwrite the newer one
    const check = this.duplicateCheck = new AbortController();
    try {
      const page = await camerasIn({ minLon: lon - d, minLat: lat - d, maxLon: lon + d, maxLat: lat + d },
        new URLSearchParams({ kind }), { limit: 50, view: 'map', signal: check.signal });
      const near = page.features.filter((f) => !this.editing || f.id !== this.editing.id)
        .map((f) => distance([lon, lat], f.geometry.coordinates)).filter((m) => m <= DUPLICATE_METRES);
      this.warning.hidden = near.length === 0;
      this.warning.textContent = near.length ? t('add.duplicate', { d: Math.round(Math.min(...near)) }) : '';
    } catch (e) {
      if (e.name !== 'AbortError') this.warning.hidden = true; // offline: no check, the addition is still possible
    }
  }

  /** Issue 16: a camera placed inside a site's outline is offered that site. */
  async offerSites() {
    if (!this.placement || !this.sitesAt) return;
    try {
      const sites = await this.sitesAt(this.placement.position);
      if (this.placement) this.form.offerSites(sites.map((s) => ({ id: s.id, name: s.name })));
    } catch {
      // offline or an older server: the site can still be chosen from the site's panel
    }
  }

  /** Issue 17: the authorisations of the city the marker stands in, one of which the camera may name. */
  async offerAuthorisations() {
    if (!this.placement) return;
    this.authorisationCheck?.abort(); // an answer for a city the marker has left must not overwrite the newer one
    const check = this.authorisationCheck = new AbortController();
    try {
      // not part of the map's first view: loaded when a camera is first placed
      const { authorisationsAt } = await import('../api/watch.js');
      if (!this.placement || check.signal.aborted) return;
      const choice = await authorisationsAt(this.placement.position, { signal: check.signal });
      if (this.placement && !check.signal.aborted) this.form.offerAuthorisations(choice);
    } catch {
      // offline or an older server: the camera keeps the authorisation it names
    }
  }

  feature() {
    const props = Object.fromEntries(Object.entries(this.form.read()).filter(([, v]) => v !== undefined));
    const kept = {};
    if (this.editing) {
      for (const [k, v] of Object.entries(this.editing.properties)) if (!READ_ONLY.includes(k)) kept[k] = v;
    }
    const [lon, lat] = this.placement.position;
    return { type: 'Feature', geometry: { type: 'Point', coordinates: [round(lon), round(lat)] }, properties: { ...kept, ...props } };
  }

  /** Saves; the volunteer who saw the duplicate warning (or answered the server's) confirms it is another camera. */
  async submit(confirmDuplicate = !this.warning.hidden) {
    // a second tap while the first is under way (a slow signal) would send a second camera
    if (this.saving) return;
    this.saving = true;
    this.saveButton.disabled = true;
    this.saveButton.setAttribute('aria-busy', 'true');
    this.say(t('add.sending'));
    const feature = this.feature();
    try {
      // Without network the edit or addition waits on the device (offline-queue.js); a refusal stays in the form.
      const result = this.editing
        ? await write({ type: 'edit', cameraId: this.editing.id, version: this.editing.version, feature, ...this.changes(feature) })
        : await addCamera(feature, { confirmDuplicate });
      if (result.suspended) announce(t('account.suspendedKept', { reason: result.suspended.problem?.reason ?? '' }), { error: true });
      else announce(result.loginRequired ? t('add.queuedLogin') : result.slow ? t('add.queuedSlow')
        : result.queued ? t('add.queued') : t('add.saved'));
      if (result.loginRequired) this.onLoginRequired(t('account.needed'));
      // a refused item corrected here is replaced by what was just sent or queued
      if (this.correcting) discard(this.correcting);
      this.close({ silent: true });
      this.onSaved();
    } catch (e) {
      this.say('');
      this.failed(e);
    } finally {
      this.saving = false;
      this.saveButton.disabled = false;
      this.saveButton.removeAttribute('aria-busy');
    }
  }

  /**
   * What an edit changes from the version it started from: kept with a queued edit so that, if
   * someone else's edit overtakes it, only these are laid over the new version (correct()).
   */
  changes(feature) {
    const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
    const before = this.editing.properties;
    return { changed: Object.keys(feature.properties).filter((k) => !same(feature.properties[k], before[k])),
      moved: !same(feature.geometry.coordinates, this.editing.geometry?.coordinates.map(round)) };
  }

  failed(e) {
    if (e instanceof ApiError && e.loginRequired) {
      // An edit waits in the open form: log in, then save again.
      this.say(t('account.neededEdit'));
      this.onLoginRequired(t('account.neededEdit'));
    } else if (e instanceof ApiError && e.status === 409 && e.problem?.type === '/problems/duplicate-suspected') {
      this.say(t('add.duplicateServer'));
      this.status.append(' ', h('button', { type: 'button', id: 'save-anyway', onclick: () => this.submit(true) }, t('add.saveAnyway')));
    } else if (e instanceof ApiError && e.status === 403) {
      this.say(t('add.forbidden'));
    } else if (e instanceof ApiError && e.status === 429) {
      this.say(t('add.rateLimited', { s: e.problem?.retryAfter ?? '?' }));
    } else if (e instanceof ApiError && e.status === 409) {
      const current = e.problem && (e.problem.currentVersion ?? e.problem.current);
      this.say(t('add.conflict', { provided: this.editing.version, current: current ?? '?' }));
      this.status.append(' ', h('button', { type: 'button', onclick: () => this.reload() }, t('add.reload')));
    } else if (e instanceof ApiError && e.errors.length) {
      this.form.showErrors(e.errors);
      this.say(t('add.invalid', { reason: e.message }));
    } else {
      this.say(e instanceof NetworkError ? t('map.networkDown') : t('add.invalid', { reason: e.message }));
    }
  }

  /** After a conflict: start again from the server's current version. */
  async reload() {
    try {
      const { body } = await fetchCamera(this.editing.id);
      this.start(body);
    } catch (e) {
      this.say(e.message);
    }
  }

  say(text) {
    this.status.textContent = text;
  }

  close({ silent = false } = {}) {
    if (!this.placement) return;
    this.authorisationCheck?.abort();
    this.placement.remove();
    this.placement = null;
    this.editing = null;
    this.correcting = null;
    this.root.hidden = true;
    fill(this.root);
    document.body.classList.remove('editing');
    if (!silent) this.onClose();
  }
}

const round = (v) => Math.round(v * 1e7) / 1e7;
