// The site report (issue 16), printable for the staff committee's meeting: the counts and the rules
// at stake with their references, then each floor's cameras. French or English, as the app.
import { h, fill } from './dom.js';
import { t, valueLabel, language } from '../i18n/i18n.js';
import { siteReport, site as fetchSite, isPlanPath } from '../api/sites.js';

export class SiteReportView {
  /** @param {HTMLElement} root the page-wide section the report fills @param {{onClose: () => void}} options */
  constructor(root, { onClose }) {
    Object.assign(this, { root, onClose });
    root.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.close(); });
  }

  async open(siteId) {
    this.root.hidden = false;
    document.body.classList.add('report-open');
    fill(this.root, h('p', {}, t('map.loading')));
    try {
      // the site for its floors' plans; the report prints without them if it cannot be read
      const [report, site] = await Promise.all([siteReport(siteId), fetchSite(siteId).catch(() => null)]);
      this.render(report, plansByLevel(site));
    } catch (e) {
      fill(this.root, h('p', { class: 'error' }, e.message), this.buttons());
    }
  }

  render(report, plans = new Map()) {
    const s = report.summary;
    const date = new Date(report.generatedAt).toLocaleDateString(language(), { dateStyle: 'long' });
    const rules = report.rules.filter((r) => r.cameras > 0);
    fill(this.root,
      this.buttons(),
      h('h1', { id: 'report-title', tabindex: '-1' }, t('report.title')),
      h('h2', {}, report.site.name),
      report.site.employer ? h('p', {}, t('report.employer', { name: report.site.employer })) : null,
      report.site.address ? h('p', {}, t('report.address', { address: report.site.address })) : null,
      h('p', { class: 'muted' }, t('report.generated', { date })),
      h('section', { class: 'report-summary', 'aria-labelledby': 'report-summary' },
        h('h2', { id: 'report-summary' }, t('report.summary')),
        h('p', { class: 'report-total' }, t('report.cameras', { n: s.cameras })),
        h('ul', { class: 'report-rules' }, rules.map((r) => h('li', { dataset: { rule: r.code } },
          h('strong', {}, t('report.ruleLine', { n: r.cameras, rule: t(`rule.${r.code}`) })), ' ',
          h('span', { class: 'reference' }, t('report.reference', { ref: r.reference }))))),
        h('p', { class: 'help' }, t('report.unknowns', { informed: s.staffInformedUnknown, consulted: s.staffBodyConsultedUnknown,
          retention: s.retentionUnknown }))),
      report.floors.filter((f) => f.cameras.length).map((f) => floor(f, report.rules, plans.get(f.level))));
    this.root.querySelector('#report-title').focus();
  }

  buttons() {
    return h('p', { class: 'actions no-print' },
      h('button', { type: 'button', class: 'primary', id: 'report-print', onclick: () => window.print() }, t('report.print')),
      h('button', { type: 'button', class: 'secondary', onclick: () => this.close() }, t('report.close')));
  }

  close() {
    this.root.hidden = true;
    fill(this.root);
    document.body.classList.remove('report-open');
    this.onClose();
  }
}

/** Each floor's plan, by level, when it has one this server serves. */
function plansByLevel(site) {
  const plans = new Map();
  for (const f of (site && site.floors) || []) {
    if (f.plan && isPlanPath(f.plan.url) && Array.isArray(f.plan.bounds)) plans.set(f.level, f.plan);
  }
  return plans;
}

/**
 * The floor's plan with its cameras numbered where they stand, as the meeting discusses them: the
 * plan covers its bounds on the map, so a camera's place on it is its share of the bounds' width and
 * height (at a building's scale the map's projection bends nothing). Cameras off the plan are listed.
 */
export function planFigure(plan, cameras, caption) {
  const [w, s, e, n] = plan.bounds;
  const on = [];
  const off = [];
  for (const c of cameras) {
    const [lon, lat] = c.coordinates;
    (lon >= w && lon <= e && lat >= s && lat <= n ? on : off).push(c);
  }
  const markers = on.map((c) => {
    const marker = h('span', { class: 'plan-marker', dataset: { id: String(c.id) }, 'aria-hidden': 'true' }, String(c.id));
    // set through the style object, which the page's Content-Security-Policy allows (no style attribute)
    marker.style.left = `${((c.coordinates[0] - w) / (e - w)) * 100}%`;
    marker.style.top = `${((n - c.coordinates[1]) / (n - s)) * 100}%`;
    if (c.rules.length) marker.classList.add('breaks');
    return marker;
  });
  return h('figure', { class: 'report-plan' },
    h('div', { class: 'plan-frame' }, h('img', { src: plan.url, alt: caption }), markers),
    h('figcaption', {}, caption, off.length ? ` ${t('report.offPlan', { ids: off.map((c) => c.id).join(', ') })}` : ''));
}

function floor(f, rules, plan) {
  const title = f.name || (f.level ? t('report.floorOther', { level: f.level }) : t('report.noLevel'));
  const reference = (code) => (rules.find((r) => r.code === code) || {}).reference;
  return h('section', { class: 'report-floor' }, h('h2', {}, title),
    plan ? planFigure(plan, f.cameras, t('report.planCaption', { floor: title })) : null,
    h('table', {},
      h('thead', {}, h('tr', {}, [t('report.camera', { id: '' }).trim(), t('report.films'), t('report.capabilities'),
        t('field.staffInformed'), t('field.staffBodyConsulted'), t('report.viewers'), t('report.retention'), t('report.broken')]
        .map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, f.cameras.map((c) => h('tr', { dataset: { id: String(c.id) } },
        h('th', { scope: 'row' }, String(c.id)),
        h('td', {}, valueLabel('filmedArea', c.filmedArea), ', ', t('report.workstations', { value: valueLabel('filmsWorkstations', c.filmsWorkstations) })),
        h('td', {}, c.capabilities.map((x) => valueLabel('capabilities', x)).join(', ') || t('report.none')),
        h('td', {}, valueLabel('staffInformed', c.staffInformed)),
        h('td', {}, valueLabel('staffBodyConsulted', c.staffBodyConsulted)),
        h('td', {}, c.viewers || '?'),
        h('td', {}, c.retentionDays == null ? '?' : t('report.retentionDays', { n: c.retentionDays })),
        h('td', {}, c.rules.length ? h('ul', {}, c.rules.map((code) => h('li', {}, t(`rule.${code}`), ' (', reference(code), ')')))
          : t('report.none')))))));
}
