// Outlines the chosen city's boundary (a GeoJSON Polygon or MultiPolygon) and zooms to it.
import * as L from 'leaflet';
import { toLatLng } from '../geo/sphere.js';

export class CityOutline {
  constructor(map) {
    this.map = map;
    this.layer = null;
  }

  /** Draws the boundary; zooms to it when `fit` (a new choice, not a restored URL). */
  show(feature, { fit }) {
    this.clear();
    const g = feature.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    const latLngs = polygons.map((rings) => rings.map((ring) => ring.map(toLatLng)));
    this.layer = L.polygon(latLngs, { className: 'city-outline', color: '#222', weight: 2, fill: false, interactive: false })
      .addTo(this.map);
    if (fit && latLngs.length) this.map.fitBounds(this.layer.getBounds());
  }

  /** Zooms to a bbox [minLon, minLat, maxLon, maxLat] (from the search result, before the boundary arrives). */
  fitBox([minLon, minLat, maxLon, maxLat]) {
    this.map.fitBounds([toLatLng([minLon, minLat]), toLatLng([maxLon, maxLat])]);
  }

  clear() {
    this.layer?.remove();
    this.layer = null;
  }
}
