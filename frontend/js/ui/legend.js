// The map's legend, built from the same classes and glyphs as the markers (map/style.js), so that
// it cannot say something the map does not draw: colour by operator type, glyph by kind, shape by
// camera type, border by status; the indoor symbol, the "to re-check" flag, what waits on the device.
import { h, fill } from './dom.js';
import { t, valueLabel, onLanguageChange } from '../i18n/i18n.js';
import { glyph } from '../map/style.js';

const swatch = (classes, text = glyph('camera')) => h('span', { class: `camera-icon legend-icon ${classes}`, 'aria-hidden': 'true' }, text);

export class Legend {
  /** @param {HTMLButtonElement} button toggles @param {HTMLElement} box */
  constructor(button, box) {
    Object.assign(this, { button, box });
    button.addEventListener('click', () => (box.hidden ? this.open() : this.close()));
    box.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.close(); });
    onLanguageChange(() => { if (!box.hidden) this.render(); });
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
    fill(this.box,
      h('h2', { id: 'legend-title' }, t('legend.title')),
      h('h3', {}, t('field.operatorType')),
      h('ul', {}, ['public', 'private', 'unknown'].map((op) => row(swatch(`op-${op}`), valueLabel('operatorType', op)))),
      h('h3', {}, t('field.kind')),
      h('ul', {}, ['camera', 'alpr', 'webcam', 'guard'].map((kind) => row(swatch('op-unknown', glyph(kind)), valueLabel('kind', kind)))),
      h('h3', {}, t('field.cameraType')),
      h('ul', {}, row(swatch('type-fixed'), valueLabel('cameraType', 'fixed')),
        row(swatch('type-dome'), `${valueLabel('cameraType', 'dome')}, ${valueLabel('cameraType', 'panning')}`)),
      h('h3', {}, t('field.status')),
      h('ul', {},
        row(swatch('st-verified'), valueLabel('status', 'verified')),
        row(swatch('st-reported'), t('legend.unverified')),
        row(swatch('st-reported recheck'), t('legend.recheck')),
        row(swatch('st-disputed'), valueLabel('status', 'disputed')),
        row(swatch('st-removed'), valueLabel('status', 'removed')),
        row(swatch('indoor'), t('legend.indoor')),
        row(swatch('pending-icon'), t('legend.pending'))));
  }
}
