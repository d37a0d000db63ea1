// The fields of a camera, for adding and editing. Reads and writes the API's properties; the
// position and the map preview belong to the add flow (add-flow.js).
import { h, fill } from './dom.js';
import { t, valueLabel, fieldLabel } from '../i18n/i18n.js';
import { DirectionFields } from './direction-fields.js';
import { valuesOf, valuesKnown, onValuesChange } from '../state/values.js';

// The values of each field come from the server (state/values.js); what a new camera starts with
// is chosen here: the first value, or "unknown" where guessing would put words in the volunteer's mouth.
const STARTS_UNKNOWN = new Set(['operatorType', 'zone', 'filmsWorkstations', 'staffInformed', 'staffBodyConsulted', 'signage',
  // issue 17: what the sign says
  'signNamesOperator', 'signGivesContact']);
const DEFAULT_FOV = { fixed: 60, dome: 360, panning: 90, unknown: 60 };

export class CameraForm {
  /** @param {HTMLElement} root @param {(props) => void} onChange called when the cone should be redrawn */
  constructor(root, onChange) {
    this.root = root;
    this.onChange = onChange;
    this.fields = {};
  }

  /**
   * Builds the fields filled with `p` (a camera's properties, or {} for a new one); `sites` are the
   * sites it may belong to ({id, name}: its own, the one being mapped, those whose outline holds it).
   */
  build(p, { operators = [], sites = [] } = {}) {
    this.whenValues(p, { operators, sites });
    const f = this.fields = {};
    const select = (name) => {
      const chosen = p[name] || startValue(name);
      f[name] = h('select', { id: `cam-${name}`, name, onchange: () => this.changed(name) },
        choices(name, chosen).map((v) => h('option', { value: v, selected: chosen === v }, valueLabel(name, v))));
      return field(name, f[name]);
    };
    const number = (name, attrs, value) => {
      f[name] = h('input', { id: `cam-${name}`, name, type: 'number', inputmode: 'numeric', value: value ?? '', ...attrs,
        oninput: () => this.changed(name) });
      return field(name, f[name]);
    };
    const capabilities = choices('capabilities', ...(p.capabilities || []));
    f.capabilities = capabilities.map((c) => h('input', { type: 'checkbox', id: `cam-cap-${c}`, value: c,
      checked: (p.capabilities || []).includes(c) }));
    f.operator = h('input', { id: 'cam-operator', name: 'operator', maxlength: 200, list: 'cam-operators', autocomplete: 'off', value: p.operator || '' });
    f.level = h('input', { id: 'cam-level', name: 'level', maxlength: 20, value: p.level || '' });
    this.directions = new DirectionFields(p.directions || [], () => this.onChange(this.read()));
    f.notes = h('textarea', { id: 'cam-notes', name: 'notes', maxlength: 2000, rows: 2 });
    f.notes.value = p.notes || '';
    const signage = p.signage || startValue('signage');
    f.signage = choices('signage', signage).map((v) => h('input', { type: 'radio', name: 'signage', id: `cam-signage-${v}`, value: v,
      checked: signage === v, onchange: () => this.showSignDetails() }));
    this.indoor = h('div', { class: 'indoor' }, field('level', f.level), select('filmsWorkstations'));
    this.workplace = this.buildWorkplace(p, sites, select);
    const watch = this.buildWatch(p, select);
    fill(this.root,
      select('kind'), select('cameraType'),
      this.directions.element,
      number('fieldOfView', { min: 1, max: 360, step: 1 }, p.fieldOfView ?? defaultFov(f.cameraType.value)),
      select('mount'),
      h('fieldset', {}, h('legend', {}, t('field.capabilities')),
        capabilities.map((c, i) => h('span', { class: 'choice' }, f.capabilities[i], h('label', { for: `cam-cap-${c}` }, valueLabel('capabilities', c))))),
      field('operator', f.operator),
      h('datalist', { id: 'cam-operators' }, operators.map((name) => h('option', { value: name }))),
      select('operatorType'), select('filmedArea'), select('zone'),
      this.indoor, this.workplace,
      h('fieldset', { 'aria-describedby': 'signage-help' }, h('legend', {}, t('field.signage')),
        f.signage.map((radio) => h('span', { class: 'choice' }, radio, h('label', { for: radio.id }, valueLabel('signage', radio.value)))),
        h('p', { id: 'signage-help', class: 'help' }, t('add.signageHelp')),
        this.signDetails),
      watch,
      // what few volunteers can tell from the street: folded away, kept when editing
      h('details', { class: 'advanced', open: p.height != null || p.tilt != null || undefined },
        h('summary', {}, t('add.advanced')),
        number('range', { min: 1, max: 500, step: 1 }, p.range ?? 30),
        number('height', { min: 0, max: 500, step: 0.1, inputmode: 'decimal' }, p.height),
        number('tilt', { min: -90, max: 90, step: 1 }, p.tilt)),
      field('notes', f.notes),
      h('ul', { class: 'form-errors error', role: 'alert' }));
    this.showIndoor();
    this.showSignDetails();
    // the angle the type brings: while the field still holds it, another type brings its own
    this.typeFov = defaultFov(f.cameraType.value);
  }

  /**
   * Issue 17: what the sign says (asked once a sign is there), the day the camera was first seen (a
   * new one: today, the volunteer may say earlier), and the prefectoral authorisation of its city.
   */
  buildWatch(p, select) {
    const f = this.fields;
    this.signDetails = h('div', { class: 'sign-details' }, select('signNamesOperator'), select('signGivesContact'));
    const today = localDay(new Date());
    f.firstSeen = h('input', { id: 'cam-firstSeen', name: 'firstSeen', type: 'date', min: '1950-01-01', max: today,
      value: p.firstSeen || (p.version ? '' : today), 'aria-describedby': 'firstSeen-help' });
    // an imported camera no source dates: empty, and left so unless the volunteer knows
    const seen = h('div', {}, field('firstSeen', f.firstSeen),
      h('p', { id: 'firstSeen-help', class: 'help' }, t(p.version && !p.firstSeen ? 'add.firstSeenUnknown' : 'add.firstSeenHelp')));
    // {id, reference, ...} as the API answers it, or the id alone when the form is built again with what was typed
    this.keptAuthorisation = p.authorisation && typeof p.authorisation === 'object' ? p.authorisation.id : (p.authorisation ?? null);
    f.authorisation = null;
    // filled by offerAuthorisations once the city where the marker stands is known (again if the form is rebuilt)
    this.authorisationChoice = h('div', { class: 'authorisation-choice' });
    if (this.offered) this.offerAuthorisations(this.offered);
    return h('div', { class: 'watch' }, seen, this.authorisationChoice);
  }

  /**
   * The authorisations of the city where the camera stands ({city, authorisations}: GET /api/authorisations?at=),
   * adding as editing, asked again when the marker moves. Without them (offline) the camera keeps the one it
   * names. A choice the new city's register lacks (the marker moved to another city) is dropped, and said so.
   */
  offerAuthorisations(offered) {
    const { city, authorisations } = offered;
    this.offered = offered;
    const f = this.fields;
    const chosen = f.authorisation ? (f.authorisation.value ? Number(f.authorisation.value) : null) : this.keptAuthorisation;
    const lost = chosen != null && !authorisations.some((a) => a.id === chosen);
    if (!authorisations.length && !lost) {
      f.authorisation = null;
      fill(this.authorisationChoice);
      return;
    }
    f.authorisation = h('select', { id: 'cam-authorisation', name: 'authorisation', 'aria-describedby': 'authorisation-help' },
      h('option', { value: '' }, t('field.noAuthorisation')),
      authorisations.map((a) => h('option', { value: String(a.id), selected: chosen === a.id },
        `${a.reference} (${a.decidedOn})${a.expired ? ` – ${t('dossier.expired')}` : ''}`)));
    fill(this.authorisationChoice, field('authorisation', f.authorisation),
      h('p', { id: 'authorisation-help', class: lost ? 'help warning' : 'help', role: lost ? 'alert' : null },
        lost ? t('add.authorisationElsewhere') : city ? t('add.authorisationHelp', { city: city.name }) : ''));
  }

  showSignDetails() {
    const present = this.fields.signage.find((r) => r.checked)?.value === 'present';
    this.signDetails.hidden = !present;
  }

  /**
   * Opened before the server's lists came (a first visit on a poor signal): built again when they
   * come, with what was typed meanwhile.
   */
  whenValues(p, options) {
    this.stopWaiting?.();
    this.stopWaiting = valuesKnown() ? null : onValuesChange(() => {
      this.stopWaiting();
      const typed = Object.fromEntries(Object.entries(this.read()).filter(([, v]) => v !== undefined));
      this.build({ ...p, ...typed }, options);
      this.onChange(this.read());
    });
  }

  /** Issue 16: the site and the employer's duties, for cameras of a site or a workplace. */
  buildWorkplace(p, sites, select) {
    const f = this.fields;
    const own = p.site && typeof p.site === 'object' ? p.site : (p.site ? { id: p.site, name: `#${p.site}` } : null);
    this.siteChoices = own && !sites.some((s) => s.id === own.id) ? [own, ...sites] : sites;
    f.site = h('select', { id: 'cam-site', name: 'site', onchange: () => this.changed('site') });
    this.fillSites(own ? own.id : null);
    f.viewers = h('input', { id: 'cam-viewers', name: 'viewers', maxlength: 500, value: p.viewers || '' });
    f.retentionDays = h('input', { id: 'cam-retentionDays', name: 'retentionDays', type: 'number', inputmode: 'numeric',
      min: 0, max: 3650, step: 1, value: p.retentionDays ?? '' });
    return h('div', { class: 'workplace' }, field('site', f.site), select('staffInformed'), select('staffBodyConsulted'),
      field('viewers', f.viewers), field('retentionDays', f.retentionDays));
  }

  fillSites(selected) {
    fill(this.fields.site, h('option', { value: '' }, t('field.noSite')),
      this.siteChoices.map((s) => h('option', { value: String(s.id), selected: s.id === selected }, s.name)));
  }

  /** Offers more sites (those whose outline holds the new position); the choice made stays. */
  offerSites(sites) {
    const chosen = this.fields.site.value ? Number(this.fields.site.value) : null;
    const known = new Set(this.siteChoices.map((s) => s.id));
    this.siteChoices = [...this.siteChoices, ...sites.filter((s) => !known.has(s.id))];
    this.fillSites(chosen);
  }

  changed(name) {
    // a type brings its usual angle, unless the volunteer gave one: theirs stays (a dome's 90°, say)
    if (name === 'cameraType' && Number(this.fields.fieldOfView.value) === this.typeFov) {
      this.fields.fieldOfView.value = defaultFov(this.fields.cameraType.value);
    }
    if (name === 'cameraType') this.typeFov = defaultFov(this.fields.cameraType.value);
    if (name === 'filmedArea' || name === 'zone' || name === 'site') this.showIndoor();
    this.onChange(this.read());
  }

  showIndoor() {
    const workplace = this.fields.zone.value === 'workplace' || this.fields.site.value !== '';
    this.indoor.hidden = !(this.fields.filmedArea.value === 'indoor' || workplace);
    this.workplace.hidden = !workplace;
  }

  /** Sets the direction being worked on (the compass), or the `index`-th (a handle on the map). */
  setDirection(bearing, index) {
    this.directions.set(bearing, index);
  }

  /** The properties as the API expects them. */
  read() {
    const f = this.fields;
    const fov = Number(f.fieldOfView.value);
    const range = Number(f.range.value);
    const height = f.height.value === '' ? null : Number(f.height.value);
    const tilt = f.tilt.value === '' ? null : Number(f.tilt.value);
    const indoor = !this.indoor.hidden;
    return {
      kind: chosen(f.kind),
      cameraType: chosen(f.cameraType),
      mount: chosen(f.mount),
      directions: this.directions.read(),
      fieldOfView: Number.isInteger(fov) && fov >= 1 && fov <= 360 ? fov : defaultFov(f.cameraType.value),
      range: Number.isInteger(range) && range >= 1 && range <= 500 ? range : 30,
      height: Number.isFinite(height) && height >= 0 ? height : null,
      tilt: Number.isInteger(tilt) && tilt >= -90 && tilt <= 90 ? tilt : null,
      capabilities: f.capabilities.filter((c) => c.checked).map((c) => c.value),
      operator: f.operator.value.trim() || null,
      operatorType: chosen(f.operatorType),
      filmedArea: chosen(f.filmedArea),
      zone: chosen(f.zone),
      // Hidden fields say nothing: undefined keeps what an edited camera had.
      level: indoor ? (f.level.value.trim() || null) : undefined,
      filmsWorkstations: indoor ? chosen(f.filmsWorkstations) : undefined,
      signage: f.signage.find((r) => r.checked)?.value,
      notes: f.notes.value.trim() || null,
      ...this.readWorkplace(),
      ...this.readWatch(),
    };
  }

  /** Issue 17: an empty day keeps the camera's (undefined); a sign's words only with a sign there. */
  readWatch() {
    const f = this.fields;
    const sign = !this.signDetails.hidden;
    return {
      firstSeen: f.firstSeen.value || undefined,
      signNamesOperator: sign ? f.signNamesOperator.value : 'unknown',
      signGivesContact: sign ? f.signGivesContact.value : 'unknown',
      authorisation: f.authorisation ? (f.authorisation.value ? Number(f.authorisation.value) : null) : this.keptAuthorisation,
    };
  }

  /** Issue 16: nothing when the part is hidden (an edited camera keeps what it had). */
  readWorkplace() {
    if (this.workplace.hidden) return {};
    const f = this.fields;
    const days = f.retentionDays.value === '' ? null : Number(f.retentionDays.value);
    return {
      site: f.site.value ? Number(f.site.value) : null,
      staffInformed: chosen(f.staffInformed),
      staffBodyConsulted: chosen(f.staffBodyConsulted),
      viewers: f.viewers.value.trim() || null,
      retentionDays: Number.isInteger(days) ? days : null,
    };
  }

  /** Shows the server's field errors (problem+json `errors`). */
  showErrors(errors, { focus = true } = {}) {
    fill(this.root.querySelector('.form-errors'), errors.map((e) => h('li', {}, `${fieldLabel(e.field)} : ${e.reason}`)));
    // the fields named are marked for screen readers, and the first one takes the focus (issue 15: correcting a refusal)
    Object.values(this.fields).flat().forEach((input) => input?.removeAttribute?.('aria-invalid')); // authorisation is null until a city offers some
    const named = errors.map((e) => this.fields[String(e.field).replace(/^properties\./, '')]).filter((f) => f && f.focus);
    named.forEach((input) => input.setAttribute('aria-invalid', 'true'));
    if (named.length) {
      named[0].closest('details')?.setAttribute('open', '');
      if (focus) named[0].focus();
    }
  }
}

/** The day in the device's time zone, as yyyy-mm-dd: the volunteer's today. */
function localDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function field(name, input) {
  return h('p', { class: 'field' }, h('label', { for: input.id }, t(`field.${name}`)), input);
}

/** The server's values of `name`, and the camera's own if the server does not list it (it is kept). */
function choices(name, ...own) {
  const values = valuesOf(name);
  return [...values, ...own.filter((v) => v && !values.includes(v))];
}

/** A new camera's value; nothing while the lists are unknown (the server then applies its own default). */
function startValue(name) {
  const values = valuesOf(name);
  return STARTS_UNKNOWN.has(name) && values.includes('unknown') ? 'unknown' : values[0];
}

/** An empty select (no lists known yet) says nothing rather than an empty string the API would refuse. */
const chosen = (select) => select.value || undefined;

const defaultFov = (cameraType) => DEFAULT_FOV[cameraType] ?? DEFAULT_FOV.fixed;
