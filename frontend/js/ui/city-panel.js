// The city panel: the city's figures as small charts, and export links for its cameras.
import { h, fill } from './dom.js';
import { city as fetchCity, cityStats, exportUrl } from '../api/cameras.js';
import { ApiError } from '../api/client.js';
import { t, valueLabel, language } from '../i18n/i18n.js';
import { barChart, monthChart } from './charts.js';
import { dossier as fetchDossier } from '../api/watch.js';
import { watchSummary } from './watch-summary.js';
import { embedAction } from './embed.js';

// Which stats field counts which camera field, so that values are shown in plain words.
const BREAKDOWNS = [
  ['byKind', 'kind'], ['byCameraType', 'cameraType'], ['byOperatorType', 'operatorType'], ['byOperator', null],
  ['byFilmedArea', 'filmedArea'], ['byZone', 'zone'], ['byCapability', 'capabilities'],
  ['byFilmsWorkstations', 'filmsWorkstations'], ['bySignage', 'signage'], ['byStatus', 'status'],
];

export class CityPanel {
  /** @param {HTMLElement} root @param {{outline, onClear: () => void}} options */
  constructor(root, { outline, onClear }) {
    Object.assign(this, { root, outline, onClear, code: null });
  }

  /** Shows a city; `fit` zooms the map to it. Resolves to false when the server has no cities. */
  async show(code, { params, fit, box }) {
    this.code = code;
    this.root.hidden = false;
    fill(this.root, h('p', {}, t('map.loading')));
    if (box && fit) this.outline.fitBox(box);
    let feature;
    let stats = null;
    let watch = null;
    try {
      feature = await fetchCity(code);
      stats = await cityStats(code, params).catch((e) => (e instanceof ApiError && e.missing ? null : Promise.reject(e)));
      // the registers are a plus: a server without them, or a failure, leaves the figures shown
      watch = await fetchDossier(code).catch(() => null);
    } catch (e) {
      fill(this.root, h('p', { class: 'error' }, e instanceof ApiError && e.missing ? t('city.unavailable') : e.message),
        this.clearButton());
      return false;
    }
    if (this.code !== code) return true; // another city was chosen meanwhile
    this.outline.show(feature, { fit });
    this.render(feature.properties || {}, stats, params, watch);
    return true;
  }

  render(props, stats, params, watch) {
    const title = h('h2', { id: 'city-title' }, t('city.stats', { name: props.name || this.code }));
    const total = stats ? stats.total : props.cameraCount;
    const area = props.areaKm2 ? Number(props.areaKm2).toFixed(1) : '?';
    const density = stats && stats.perKm2 != null ? Number(stats.perKm2).toFixed(1) : '?';
    const charts = [];
    if (stats) {
      for (const [key, field] of BREAKDOWNS) {
        if (stats[key] && Object.keys(stats[key]).length) {
          charts.push(barChart(field ? t(`field.${field}`) : t('field.operator'), stats[key],
            field ? (v) => valueLabel(field, v) : (v) => v));
        }
      }
      if (stats.signageShare) charts.push(barChart(t('city.signageShare'), stats.signageShare, (v) => valueLabel('signage', v),
        (share) => `${Math.round(share * 100)} %`));
      // issue 17: the timeline of the cameras' true dates first, the additions to Vigie after
      if (stats.firstSeenPerYear) {
        charts.push(monthChart(t('city.perYearSeen'), stats.firstSeenPerYear.map((y) => ({ month: String(y.year), count: y.count }))));
        if (stats.firstSeenUnknown) charts.push(h('p', { class: 'hint undated' }, t('city.undated', { n: stats.firstSeenUnknown })));
      }
      if (stats.additionsPerMonth) charts.push(monthChart(t('city.perMonth'), stats.additionsPerMonth));
    }
    const exports = h('p', { class: 'exports' }, t('city.export'), ' ',
      h('a', { class: 'button', href: exportUrl('geojson', { city: this.code, params }), download: '' }, t('city.exportGeojson')), ' ',
      h('a', { class: 'button', href: exportUrl('csv', { city: this.code, params }), download: '' }, t('city.exportCsv')),
      embedAction());
    // The statistics count every camera of the city; only the export follows the map's filters.
    fill(this.root, title, h('p', {}, t('city.area', { area, n: total ?? '?', density })),
      h('p', { class: 'hint' }, t('city.unfiltered')), exports, watch ? watchSummary(watch, language()) : null, charts,
      this.clearButton());
  }

  clearButton() {
    return h('button', { type: 'button', class: 'secondary', onclick: () => this.onClear() }, t('city.clear'));
  }

  hide() {
    this.code = null;
    this.root.hidden = true;
    fill(this.root);
    this.outline.clear();
  }
}
