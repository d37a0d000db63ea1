// The map's legend, built from the same classes and glyphs as the markers (map/style.js), so that
// it cannot say something the map does not draw: colour by operator type, glyph by kind, shape by
// camera type, border by status; the indoor symbol, the "to re-check" flag, what waits on the device.
// The values listed are the server's (state/values.js): a new value gets its row, with its label.
import { h, fill } from './dom.js';
import { t, valueLabel, onLanguageChange } from '../i18n/i18n.js';
import { glyph, ROUND_TYPES } from '../map/style.js';
import { valuesOf, onValuesChange } from '../state/values.js';

const swatch = (classes, text = glyph('camera')) => h('span', { class: `camera-icon legend-icon ${classes}`, 'aria-hidden': 'true' }, text);

export class Legend {
  /** @param {HTMLButtonElement} button toggles @param {HTMLElement} box */
  constructor(button, box) {
    Object.assign(this, { button, box });
    button.addEventListener('click', () => (box.hidden ? this.open() : this.close()));
    box.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.close(); });
    onLanguageChange(() => { if (!box.hidden) this.render(); });
    onValuesChange(() => { if (!box.hidden) this.render(); });
  }

  open() {
    this.box.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.render();
  }

  close() {
    if (this.box.hidden) return;
    this.box.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    this.button.focus();
  }

  render() {
    const row = (icon, text) => h('li', {}, icon, ' ', text);
    const labels = (field, values) => values.map((v) => valueLabel(field, v)).join(', ');
    // one row per shape drawn: the round ones, then the square ones
    const types = valuesOf('cameraType');
    const shapes = [types.filter((v) => ROUND_TYPES.has(v)), types.filter((v) => !ROUND_TYPES.has(v))]
      .filter((group) => group.length)
      .map((group) => row(swatch(`type-${group[0]}`), labels('cameraType', group)));
    // a reported camera is one nobody confirmed yet; the flag to re-check comes right after it
    const statuses = valuesOf('status').flatMap((status) => status === 'reported'
      ? [row(swatch('st-reported'), t('legend.unverified')), row(swatch('st-reported recheck'), t('legend.recheck'))]
      : [row(swatch(`st-${status}`), valueLabel('status', status))]);
    fill(this.box,
      h('h2', { id: 'legend-title' }, t('legend.title')),
      h('h3', {}, t('field.operatorType')),
      h('ul', {}, valuesOf('operatorType').map((op) => row(swatch(`op-${op}`), valueLabel('operatorType', op)))),
      h('h3', {}, t('field.kind')),
      h('ul', {}, valuesOf('kind').map((kind) => row(swatch('op-unknown', glyph(kind)), valueLabel('kind', kind)))),
      h('h3', {}, t('field.cameraType')),
      h('ul', {}, shapes),
      h('h3', {}, t('field.status')),
      h('ul', {}, statuses,
        row(swatch('indoor'), t('legend.indoor')),
        row(swatch('pending-icon'), t('legend.pending'))));
  }
}
