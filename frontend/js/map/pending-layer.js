// Draws what waits on the device: additions (and the new place of edits) in a "pending" style, a
// dashed marker and cone, so that a volunteer sees the camera they mapped offline where they put it.
// It only renders; a tap opens the list of what waits.
import * as L from 'leaflet';
import { toLatLng } from '../geo/sphere.js';
import { fieldOfViewRings } from '../geo/cone.js';
import { glyph } from './style.js';
import { t, valueLabel } from '../i18n/i18n.js';

export class PendingLayer {
  constructor(map, { onSelect }) {
    this.group = L.layerGroup().addTo(map);
    this.onSelect = onSelect;
  }

  /** Replaces what is drawn by the queue's items that carry a position. */
  show(items) {
    this.group.clearLayers();
    for (const item of items) {
      if (!item.feature || !item.feature.geometry) continue;
      const p = item.feature.properties || {};
      const position = item.feature.geometry.coordinates;
      const rings = fieldOfViewRings(position, { fieldOfView: 60, range: 30, directions: [], ...p }).map((ring) => [ring.map(toLatLng)]);
      L.polygon(rings, { className: 'cone cone-pending', color: '#8a5a00', weight: 2, dashArray: '5 4', fillOpacity: 0.12, interactive: false })
        .addTo(this.group);
      const label = `${t(item.refused ? 'pending.markerRefused' : 'pending.marker')}, ${valueLabel('kind', p.kind || 'camera')}`;
      const marker = L.marker(toLatLng(position), {
        title: label, alt: label, keyboard: true, zIndexOffset: 1000, // over the camera it stands next to
        icon: L.divIcon({ className: `camera-icon pending-icon${item.refused ? ' refused' : ''}`, iconSize: [26, 26],
          html: Object.assign(document.createElement('span'), { textContent: glyph(p.kind) }) }),
      });
      marker.on('click', () => this.onSelect(item));
      marker.on('add', () => {
        const el = marker.getElement();
        if (!el) return;
        el.setAttribute('role', 'button');
        el.setAttribute('aria-label', label);
        el.dataset.pendingId = item.id;
      });
      marker.addTo(this.group);
    }
  }
}
