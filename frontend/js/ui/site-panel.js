// Sites (issue 16): the workplaces in view, creating one with its floors, and one site's cameras
// floor by floor, filtered to those that film workstations or record sound. The report is
// site-report.js; placing a camera is the add flow's (main.js wires it).
import { h, fill, announce } from './dom.js';
import { t, valueLabel } from '../i18n/i18n.js';
import { sitesIn, site as fetchSite, siteCameras, createSite, updateSite, deleteSite } from '../api/sites.js';
import { historySection } from './site-history.js';
import { ApiError, NetworkError } from '../api/client.js';
import { FloorPlanEditor } from './floor-plan-editor.js';

export class SitePanel {
  /**
   * @param {HTMLElement} root
   * @param {{map, box: () => object, onAddCamera: (site, level) => void, onEditCamera: (feature, site) => void,
   *   onReport: (siteId) => void, onLoginRequired: (reason) => void, onClose: () => void}} options
   */
  constructor(root, options) {
    Object.assign(this, options, { root, current: null, floor: '', only: { workstations: false, sound: false } });
    this.plans = new FloorPlanEditor({ map: options.map, root, frame: (...content) => this.frame(...content),
      reload: (id) => this.show(id), onLoginRequired: (reason) => this.onLoginRequired(reason) });
    root.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.close(); });
  }

  /** The sites in the map's view, and the button to create one. */
  async open() {
    this.current = null;
    this.plans.hide();
    this.root.hidden = false;
    this.frame(t('sites.title'), h('p', {}, t('map.loading')));
    try {
      const sites = await sitesIn(this.box());
      this.frame(t('sites.title'), h('p', { class: 'help' }, t('sites.help')),
        h('p', { class: 'actions' }, h('button', { type: 'button', class: 'primary', id: 'site-create', onclick: () => this.edit(null) },
          t('sites.create'))),
        h('h3', {}, t('sites.inView')),
        sites.length ? h('ul', { class: 'site-list' }, sites.map((s) => h('li', {},
          h('button', { type: 'button', class: 'link', onclick: () => this.show(s.id) }, s.name), ' ',
          h('span', { class: 'muted' }, t('sites.count', { n: s.cameraCount }))))) : h('p', {}, t('sites.none')));
    } catch (e) {
      this.frame(t('sites.title'), h('p', { class: 'error' }, message(e)));
    }
  }

  /** One site: its floors, its cameras on the chosen floor, filters, and the actions. */
  async show(id, { floor } = {}) {
    this.root.hidden = false;
    if (floor !== undefined) this.floor = floor;
    try {
      const [site, cameras] = await Promise.all([fetchSite(id), siteCameras(id)]);
      if (!this.current || this.current.id !== id) Object.assign(this, { only: { workstations: false, sound: false }, historyOpen: false });
      this.current = site;
      this.cameras = cameras.features;
      if (this.floor && !site.floors.some((f) => f.level === this.floor)) this.floor = '';
      this.renderSite();
    } catch (e) {
      this.frame(t('sites.title'), h('p', { class: 'error' }, message(e)));
    }
  }

  /** After a camera was saved: the list shows it. */
  refresh() {
    if (this.current && !this.root.hidden) this.show(this.current.id);
  }

  renderSite() {
    const site = this.current;
    // a floor chosen reloads the list: colleagues may have mapped cameras meanwhile
    const floorSelect = h('select', { id: 'site-floor', onchange: (e) => this.show(site.id, { floor: e.target.value }) },
      h('option', { value: '' }, t('sites.allFloors')),
      site.floors.map((f) => h('option', { value: f.level, selected: f.level === this.floor }, f.name)));
    const toggle = (key, label) => h('span', { class: 'choice' },
      h('input', { type: 'checkbox', id: `site-only-${key}`, checked: this.only[key],
        onchange: (e) => { this.only[key] = e.target.checked; this.renderSite(); } }),
      h('label', { for: `site-only-${key}` }, label));
    const shown = this.cameras.filter((c) => this.keeps(c.properties));
    const floorName = (level) => (site.floors.find((f) => f.level === level) || { name: level ?? '?' }).name;
    this.frame(site.name,
      site.employer ? h('p', {}, site.employer) : null,
      site.address ? h('p', { class: 'muted' }, site.address) : null,
      h('p', { class: 'field' }, h('label', { for: 'site-floor' }, t('sites.floor')), floorSelect),
      h('fieldset', {}, toggle('workstations', t('sites.onlyWorkstations')), toggle('sound', t('sites.onlySound'))),
      // the actions before the list: on a phone the list is long and the panel short
      h('p', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', id: 'site-add-camera', onclick: () => this.onAddCamera(site, this.floor || null) },
          t('sites.addCamera')),
        h('button', { type: 'button', id: 'site-report-open', onclick: () => this.onReport(site.id) }, t('sites.report')),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.edit(site) }, t('sites.edit')),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.open() }, t('sites.back'))),
      this.floor ? this.plans.section(site, this.floor) : null,
      h('p', { role: 'status', id: 'site-shown' }, t('sites.shown', { n: shown.length, total: this.cameras.length })),
      shown.length ? h('ul', { class: 'site-cameras' }, shown.map((c) => h('li', { dataset: { id: String(c.id) } },
        h('button', { type: 'button', class: 'link', onclick: () => this.onEditCamera(c, site) }, t('report.camera', { id: c.id })),
        ' — ', floorName(c.properties.level), ' — ', summary(c.properties)))) : h('p', {}, t('sites.noCameras')),
      historySection(site.id, { open: this.historyOpen, onToggle: (open) => { this.historyOpen = open; } }));
    // the chosen floor's plan on the map, under its cameras
    this.plans.showFor(site, this.floor);
  }

  keeps(p) {
    if (this.floor && p.level !== this.floor) return false;
    if (this.only.workstations && p.filmsWorkstations !== 'yes') return false;
    if (this.only.sound && !(p.capabilities || []).includes('audio')) return false;
    return true;
  }

  /** The form for a new site (null) or an existing one; a new site goes at the centre of the map. */
  edit(site) {
    const floors = h('ol', { class: 'site-floors' });
    const addFloor = (floor = { level: '', name: '' }) => {
      const n = floors.children.length;
      const level = h('input', { id: `site-floor-level-${n}`, class: 'floor-level', maxlength: 20, required: true, value: floor.level });
      const name = h('input', { id: `site-floor-name-${n}`, class: 'floor-name', maxlength: 100, value: floor.name });
      const item = h('li', {}, h('p', { class: 'field' }, h('label', { for: level.id }, t('sites.floorLevel')), level),
        h('p', { class: 'field' }, h('label', { for: name.id }, t('sites.floorName')), name),
        h('button', { type: 'button', class: 'secondary', onclick: () => item.remove() }, t('sites.removeFloor')));
      floors.append(item);
    };
    (site ? site.floors : [{ level: '0', name: '' }]).forEach(addFloor);
    const input = (name, value, max) => h('input', { id: `site-${name}`, name, maxlength: max, value: value || '' });
    const fields = { name: input('name', site?.name, 200), employer: input('employer', site?.employer, 200),
      address: input('address', site?.address, 300) };
    fields.name.required = true;
    const errors = h('ul', { class: 'form-errors error', role: 'alert' });
    const field = (name) => h('p', { class: 'field' }, h('label', { for: fields[name].id }, t(`sites.${name}`)), fields[name]);
    this.frame(t(site ? 'sites.editTitle' : 'sites.createTitle'),
      h('form', { id: 'site-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); this.save(site, fields, floors, errors); } },
        field('name'), field('employer'), field('address'),
        h('fieldset', {}, h('legend', {}, t('sites.floors')), floors,
          h('button', { type: 'button', id: 'site-add-floor', onclick: () => addFloor() }, t('sites.addFloor'))),
        site ? null : h('p', { class: 'help' }, t('sites.placeHelp')),
        errors,
        h('p', { class: 'actions sticky' }, h('button', { type: 'submit', class: 'primary' }, t('sites.save')),
          h('button', { type: 'button', class: 'secondary', onclick: () => (site ? this.show(site.id) : this.open()) }, t('add.cancel'))),
        site ? h('p', { class: 'actions' }, h('button', { type: 'button', class: 'secondary danger', id: 'site-delete',
          onclick: () => this.remove(site, errors) }, t('sites.delete'))) : null));
    fields.name.focus();
  }

  async save(site, fields, floors, errors) {
    const body = {
      name: fields.name.value.trim(), employer: fields.employer.value.trim() || null, address: fields.address.value.trim() || null,
      floors: [...floors.children].map((li) => ({ level: li.querySelector('.floor-level').value.trim(),
        name: li.querySelector('.floor-name').value.trim() || null })),
    };
    if (site) {
      body.geometry = site.geometry;
      body.outline = site.outline;
    } else {
      const c = this.map.getCenter().wrap();
      body.geometry = { type: 'Point', coordinates: [round(c.lng), round(c.lat)] };
    }
    try {
      const { body: saved } = site ? await updateSite(site.id, site.version, body) : await createSite(body);
      announce(t('sites.saved'));
      this.floor = saved.floors.length ? saved.floors[0].level : '';
      this.show(saved.id);
    } catch (e) {
      // what was typed stays in the form: nothing is lost
      if (e instanceof ApiError && e.loginRequired) this.onLoginRequired(t('account.neededEdit'));
      fill(errors, e instanceof ApiError && e.errors.length ? e.errors.map((x) => h('li', {}, `${x.field}: ${x.reason}`))
        : h('li', {}, e instanceof ApiError && e.status === 409 ? t('sites.conflict') : message(e)));
    }
  }

  /** Deletes the site (softly: its history stays) once the server agrees: no camera left on it, its author or a moderator. */
  async remove(site, errors) {
    if (!window.confirm(t('sites.deleteConfirm', { name: site.name }))) return;
    try {
      await deleteSite(site.id, site.version);
      announce(t('sites.deleted'));
      this.open();
    } catch (e) {
      if (e instanceof ApiError && e.loginRequired) this.onLoginRequired(t('account.neededEdit'));
      fill(errors, h('li', {}, message(e)));
    }
  }

  frame(title, ...content) {
    this.root.classList.remove('placing-plan');
    fill(this.root, h('header', {}, h('h2', { id: 'site-title', tabindex: '-1' }, title),
      h('button', { type: 'button', class: 'close', 'aria-label': t('report.close'), onclick: () => this.close() }, '×')),
    ...content);
  }

  close() {
    this.plans.hide();
    this.root.hidden = true;
    fill(this.root);
    this.onClose();
  }
}

/** What a camera films and does, in a few words, for the list. */
export function summary(p) {
  const parts = [(p.capabilities || []).map((c) => valueLabel('capabilities', c)).join(', ')];
  if (p.filmsWorkstations === 'yes') parts.push(t('rule.films-workstation'));
  if (p.staffInformed === 'no') parts.push(t('rule.staff-not-informed'));
  return parts.filter(Boolean).join(' · ');
}

function message(e) {
  return e instanceof NetworkError ? t('map.networkDown') : e.message;
}

const round = (v) => Math.round(v * 1e7) / 1e7;
