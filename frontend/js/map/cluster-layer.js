// Draws camera counts per grid cell when there are too many cameras to draw one by one.
// A click zooms into the cell.
import * as L from 'leaflet';
import { toLatLng } from '../geo/sphere.js';
import { t } from '../i18n/i18n.js';

export class ClusterLayer {
  constructor(map) {
    this.map = map;
    this.group = L.layerGroup().addTo(map);
  }

  show(features) {
    this.clear();
    for (const feature of features) {
      const count = feature.properties.count;
      const size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
      const [minLon, minLat, maxLon, maxLat] = feature.properties.bounds;
      const title = t('map.clusterTitle', { n: count });
      const icon = L.divIcon({
        className: `cluster-icon cluster-${size}`,
        html: Object.assign(document.createElement('span'), { textContent: compact(count) }),
        iconSize: size === 'large' ? [44, 44] : size === 'medium' ? [36, 36] : [30, 30],
      });
      const marker = L.marker(toLatLng(feature.geometry.coordinates), { icon, title, alt: title, keyboard: true });
      marker.on('click', () => {
        this.map.fitBounds([toLatLng([minLon, minLat]), toLatLng([maxLon, maxLat])]);
      });
      marker.addTo(this.group);
    }
  }

  clear() {
    this.group.clearLayers();
  }
}

function compact(n) {
  return n >= 10000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n);
}
