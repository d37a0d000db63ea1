// The plan of a site's floor (issue 16) in the site panel: shown on the map when the floor is chosen,
// uploaded or replaced from a file, placed by dragging its corners or onto the map's view, removed.
// A plan that could not be sent or saved is kept on screen with the reason: nothing is lost silently.
import { h, fill, announce } from './dom.js';
import { t } from '../i18n/i18n.js';
import { FloorPlanLayer } from '../map/floor-plan-layer.js';
import { uploadPlan, placePlan, removePlan, isPlanPath, updateSite } from '../api/sites.js';
import { MAX_PHOTO_BYTES } from '../api/photos.js';
import { ApiError, NetworkError } from '../api/client.js';

export class FloorPlanEditor {
  /**
   * @param {{map, root: HTMLElement, frame: (title, ...content) => void, reload: (siteId) => void,
   *   onLoginRequired: (reason) => void}} options `frame` fills the site panel; `reload` shows the site again.
   */
  constructor(options) {
    Object.assign(this, options);
    this.layer = new FloorPlanLayer(options.map);
    this.shownKey = null;
  }

  /** Shows the floor's plan on the map (zooming onto it when the floor was just chosen), or none. */
  showFor(site, level) {
    const floor = site.floors.find((f) => f.level === level);
    const plan = floor && floor.plan && isPlanPath(floor.plan.url) ? floor.plan : null;
    if (!plan) {
      this.hide();
      return;
    }
    const key = `${site.id}/${level}`;
    this.layer.show(plan, { fit: key !== this.shownKey, label: t('plans.alt', { floor: floor.name }), padding: this.padding() });
    this.shownKey = key;
  }

  hide() {
    this.layer.hide();
    this.shownKey = null;
  }

  /** The floor's part of the site panel: add, replace, place or remove its plan. */
  section(site, level) {
    const floor = site.floors.find((f) => f.level === level);
    if (!floor) return null;
    const status = h('p', { class: 'plan-status', role: 'status' });
    const input = h('input', { type: 'file', accept: 'image/jpeg,image/png', id: 'plan-file', class: 'visually-hidden' });
    input.addEventListener('change', () => this.upload(site, floor, input, status));
    const plan = floor.plan;
    return h('section', { class: 'plan-section', 'aria-labelledby': 'plan-title' },
      h('h3', { id: 'plan-title' }, t('plans.title', { floor: floor.name })),
      h('p', { class: 'help' }, t(plan ? 'plans.shown' : 'plans.none')),
      h('p', { class: 'actions' },
        h('label', { class: 'button', for: 'plan-file' }, t(plan ? 'plans.replace' : 'plans.add')), input,
        plan ? h('button', { type: 'button', id: 'plan-place', onclick: () => this.place(site, floor) }, t('plans.place')) : null,
        plan ? h('button', { type: 'button', class: 'secondary', id: 'plan-remove', onclick: () => this.remove(site, floor, status) },
          t('plans.remove')) : null,
        plan ? h('button', { type: 'button', class: 'secondary', id: 'plan-as-outline', onclick: () => this.asOutline(site, plan, status) },
          t('plans.asOutline')) : null),
      status);
  }

  async upload(site, floor, input, status) {
    const file = input.files && input.files[0];
    if (!file) return;
    status.classList.remove('error');
    if (file.size > MAX_PHOTO_BYTES) return this.fail(status, t('plans.tooLarge'));
    fill(status, t('plans.sending'));
    try {
      const plan = await uploadPlan(site.id, floor.level, file, floor.plan ? floor.plan.version : null);
      input.value = '';
      floor.plan = plan;
      announce(t('plans.sent'));
      this.place(site, floor);
    } catch (e) {
      // the chosen file stays in the field: sending again is one tap
      this.fail(status, this.reason(e), e);
    }
  }

  /** Placing mode: the panel shrinks to its buttons, the plan gets handles, the map stays free to move. */
  place(site, floor) {
    const before = [...floor.plan.bounds];
    this.layer.show(floor.plan, { fit: false, label: t('plans.alt', { floor: floor.name }) });
    this.shownKey = `${site.id}/${floor.level}`;
    this.layer.edit({ sw: t('plans.handleSw'), ne: t('plans.handleNe'), centre: t('plans.handleCentre') });
    const status = h('p', { class: 'plan-status', role: 'status' });
    const done = () => {
      this.layer.stopEditing();
      this.reload(site.id);
    };
    this.frame(t('plans.placeTitle', { floor: floor.name }),
      h('p', { class: 'actions' },
        h('button', { type: 'button', id: 'plan-fit-view', onclick: () => this.layer.fitView(this.root.getBoundingClientRect()) },
          t('plans.fitView')),
        h('button', { type: 'button', class: 'primary', id: 'plan-save', onclick: () => this.save(site, floor, status, done) },
          t('plans.save')),
        h('button', { type: 'button', class: 'secondary', onclick: () => { this.layer.setBounds(before); floor.plan.bounds = before; done(); } },
          t('add.cancel'))),
      status,
      // the buttons first: on a phone the panel shrinks so that the plan and the map stay in view
      h('p', { class: 'help' }, t('plans.placeHelp')));
    this.root.classList.add('placing-plan'); // after frame(), which takes it off
    this.root.querySelector('#plan-fit-view').focus();
  }

  async save(site, floor, status, done) {
    const bounds = this.layer.bounds;
    fill(status, t('plans.saving'));
    status.classList.remove('error');
    try {
      floor.plan = await placePlan(site.id, floor.level, floor.plan.version, bounds);
      announce(t('plans.saved'));
      done();
    } catch (e) {
      // the plan stays where it was dragged, with its handles: save again, or cancel
      this.fail(status, this.reason(e), e);
    }
  }

  async remove(site, floor, status) {
    if (!window.confirm(t('plans.removeConfirm', { floor: floor.name }))) return;
    try {
      await removePlan(site.id, floor.level, floor.plan.version);
      this.hide();
      announce(t('plans.removed'));
      this.reload(site.id);
    } catch (e) {
      this.fail(status, this.reason(e), e);
    }
  }

  /** The plan's rectangle becomes the site's outline: cameras placed inside it are then offered the site. */
  async asOutline(site, plan, status) {
    const [w, s, e, n] = plan.bounds;
    const body = { name: site.name, employer: site.employer, address: site.address,
      floors: site.floors.map((f) => ({ level: f.level, name: f.name })),
      // no point: the server takes one inside the outline
      outline: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } };
    try {
      await updateSite(site.id, site.version, body);
      announce(t('plans.outlineSaved'));
      this.reload(site.id);
    } catch (err) {
      this.fail(status, err instanceof ApiError && err.status === 409 ? t('sites.conflict') : this.reason(err), err);
    }
  }

  reason(e) {
    if (e instanceof NetworkError) return t('plans.offline');
    if (e instanceof ApiError && e.status === 409) return t('plans.conflict');
    if (e instanceof ApiError && e.errors.length) return e.errors.map((x) => `${x.field}: ${x.reason}`).join(' ; ');
    return e.message;
  }

  fail(status, text, error = null) {
    if (error instanceof ApiError && error.loginRequired) this.onLoginRequired(t('account.neededEdit'));
    status.classList.add('error');
    fill(status, text);
  }

  /** What the site panel covers of the map, so that a plan zoomed onto is seen whole. */
  padding() {
    const map = this.map.getContainer().getBoundingClientRect();
    const panel = this.root.getBoundingClientRect();
    if (this.root.hidden || panel.width === 0) return [0, 0];
    return panel.width >= map.width * 0.9 ? [0, Math.max(0, map.bottom - panel.top)] : [Math.max(0, map.right - panel.left), 0];
  }
}
