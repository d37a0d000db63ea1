// The new or edited camera on the map: a marker to drag onto the camera, its cones, and a handle
// at the tip of each cone that turns it. Reports moves and turns; knows nothing of the form.
import * as L from 'leaflet';
import { toLatLng, toLonLat, bearing } from '../geo/sphere.js';
import { fieldOfViewRings, handlePosition } from '../geo/cone.js';

export class Placement {
  /**
   * @param map @param {{onMove: ([lon, lat]) => void, onTurn: (bearing, index) => void,
   *   labels: {marker, handle: (n) => string}}} options
   */
  constructor(map, { onMove, onTurn, labels }) {
    Object.assign(this, { map, onMove, onTurn, labels, handles: [] });
    this.camera = { directions: [], fieldOfView: 60, range: 30 };
    this.position = toLonLat(map.containerPointToLatLng(this.focusPoint()));
    this.cone = L.polygon([], { className: 'cone cone-draft', color: '#0a7d32', weight: 2, fillOpacity: 0.25, interactive: false }).addTo(map);
    this.marker = L.marker(toLatLng(this.position), {
      draggable: true, autoPan: true, keyboard: true, title: labels.marker, alt: labels.marker,
      icon: L.divIcon({ className: 'draft-icon', iconSize: [30, 30], html: Object.assign(document.createElement('span'), { textContent: '◉' }) }),
    }).addTo(map);
    this.marker.on('drag', () => { this.position = toLonLat(this.marker.getLatLng()); this.draw(); });
    this.marker.on('dragend', () => this.onMove(this.position));
  }

  /** One handle per direction (one when none is known yet), made or removed as cones are added or removed. */
  syncHandles() {
    const wanted = Math.max(1, this.camera.directions.length);
    while (this.handles.length > wanted) this.handles.pop().remove();
    while (this.handles.length < wanted) {
      const index = this.handles.length;
      const label = this.labels.handle(index + 1);
      const handle = L.marker(toLatLng(this.position), {
        draggable: true, keyboard: true, title: label, alt: label,
        icon: L.divIcon({ className: 'handle-icon', iconSize: [28, 28] }),
      }).addTo(this.map);
      handle.on('drag', () => {
        const turned = bearing(this.position, toLonLat(handle.getLatLng()));
        const directions = [...this.camera.directions];
        directions[index] = turned;
        this.camera = { ...this.camera, directions };
        this.drawCone();
        this.onTurn(turned, index);
      });
      handle.on('dragend', () => this.draw());
      this.handles.push(handle);
    }
  }

  /** Puts the camera at [lon, lat] and leaves the map where it is (a form redrawn in another language). */
  place(position) {
    this.position = position;
    this.draw();
  }

  /** Moves the camera to [lon, lat] and centres the map on it. */
  moveTo(position, zoom) {
    this.position = position;
    this.map.setView(toLatLng(position), Math.max(zoom || 0, this.map.getZoom()), { animate: false });
    const size = this.map.getSize();
    this.map.panBy([0, size.y / 2 - this.focusPoint().y], { animate: false });
    this.draw();
    this.onMove(position);
  }

  /** Redraws with the form's values (directions, fieldOfView, range). */
  update(camera) {
    this.camera = { ...this.camera, ...camera };
    this.draw();
  }

  draw() {
    this.marker.setLatLng(toLatLng(this.position));
    this.syncHandles();
    const range = this.handleRange();
    this.handles.forEach((handle, i) => handle.setLatLng(toLatLng(handlePosition(this.position, this.camera.directions[i] ?? 0, range))));
    this.drawCone();
  }

  drawCone() {
    this.cone.setLatLngs(fieldOfViewRings(this.position, this.camera).map((ring) => [ring.map(toLatLng)]));
  }

  /** Where the camera is shown: above the form, which covers the lower half of a phone's screen. */
  focusPoint() {
    const size = this.map.getSize();
    return L.point(size.x / 2, size.x < 800 ? size.y * 0.25 : size.y / 2);
  }

  /** The handle sits at the tip of the cone, but never so close that it hides the marker. */
  handleRange() {
    const metresPerPixel = 40075016 * Math.cos((this.position[1] * Math.PI) / 180) / (256 * 2 ** this.map.getZoom());
    return Math.max(this.camera.range || 30, 60 * metresPerPixel);
  }

  remove() {
    [this.cone, this.marker, ...this.handles].forEach((layer) => layer.remove());
  }
}
