// Draws cameras: a marker (glyph by kind, class by type, operator type and status) and the cone
// of what it sees. It only renders; clicks are handed to `onSelect`.
import * as L from 'leaflet';
import { toLatLng } from '../geo/sphere.js';
import { fieldOfViewRings } from '../geo/cone.js';
import { classes, coneStyle, drawsCone, glyph } from './style.js';
import { t, valueLabel } from '../i18n/i18n.js';

export class CameraLayer {
  constructor(map, { onSelect }) {
    this.cones = L.layerGroup().addTo(map);
    this.markers = L.layerGroup().addTo(map);
    this.onSelect = onSelect;
    this.features = [];
    this.selectedId = null;
  }

  /** Replaces what is drawn by these GeoJSON camera features. */
  show(features) {
    this.clear();
    this.features = features;
    for (const feature of features) {
      const p = feature.properties;
      const position = feature.geometry.coordinates;
      // one polygon per ring (a multipolygon): Leaflet would take further rings of one polygon as holes
      if (drawsCone(p)) {
        const rings = fieldOfViewRings(position, p).map((ring) => [ring.map(toLatLng)]);
        L.polygon(rings, coneStyle(p)).addTo(this.cones);
      }
      const label = [valueLabel('kind', p.kind), p.operator || ''].filter(Boolean).join(', ');
      const icon = L.divIcon({
        className: `camera-icon ${classes(p)}`,
        html: Object.assign(document.createElement('span'), { textContent: glyph(p.kind) }),
        iconSize: [26, 26],
      });
      const marker = L.marker(toLatLng(position), { icon, title: label, alt: label, keyboard: true, riseOnHover: true });
      marker.on('click', () => this.onSelect(feature));
      marker.on('add', () => {
        const el = marker.getElement();
        if (el) {
          el.setAttribute('role', 'button');
          el.setAttribute('aria-label', t('sheet.title', { id: feature.id }) + ', ' + label);
          el.dataset.cameraId = String(feature.id);
          el.classList.toggle('selected', feature.id === this.selectedId);
        }
      });
      marker.addTo(this.markers);
    }
  }

  /** Highlights the camera whose sheet is open (null: none), now and in every later drawing. */
  select(id) {
    this.selectedId = id;
    this.markers.eachLayer((marker) => {
      const el = marker.getElement();
      if (el) el.classList.toggle('selected', el.dataset.cameraId === String(id));
    });
  }

  clear() {
    this.cones.clearLayers();
    this.markers.clearLayers();
    this.features = [];
  }
}
