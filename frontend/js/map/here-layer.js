// "Am I filmed here?" on the map: the point asked, and the cameras that film it highlighted (their
// cone drawn thick, a ring around each). It only renders.
import * as L from 'leaflet';
import { toLatLng } from '../geo/sphere.js';
import { fieldOfViewRings } from '../geo/cone.js';
import { t } from '../i18n/i18n.js';

export class HereLayer {
  constructor(map) {
    this.map = map;
    this.group = L.layerGroup().addTo(map);
  }

  /** @param {{lat, lon}} point @param features the cameras filming it (GeoJSON) */
  show(point, features) {
    this.clear();
    for (const feature of features) {
      const position = feature.geometry.coordinates;
      const rings = fieldOfViewRings(position, feature.properties).map((ring) => [ring.map(toLatLng)]);
      L.polygon(rings, { className: 'cone cone-watching', color: '#b00020', weight: 3, fillColor: '#b00020', fillOpacity: 0.25, interactive: false })
        .addTo(this.group);
      L.circleMarker(toLatLng(position), { className: 'watching-ring', radius: 18, color: '#b00020', weight: 3, fill: false, interactive: false })
        .addTo(this.group);
    }
    const label = t('here.point');
    L.marker([point.lat, point.lon], {
      title: label, alt: label, keyboard: false, interactive: false,
      icon: L.divIcon({ className: 'here-icon', iconSize: [28, 28], html: Object.assign(document.createElement('span'), { textContent: '◎' }) }),
    }).addTo(this.group);
  }

  clear() {
    this.group.clearLayers();
  }
}
