// The plan of the chosen floor of a site (issue 16), under the cameras: an image laid on the map by its
// bounds. While it is being placed, three handles (two corners and the centre) stretch and move it.
import * as L from 'leaflet';
import { toLatLng, toLonLat } from '../geo/sphere.js';
import { dragHandle, fitInArea, handlePositions } from '../geo/plan-bounds.js';

const PANE = 'floor-plans';
const toLeaflet = ([w, s, e, n]) => L.latLngBounds(toLatLng([w, s]), toLatLng([e, n]));

export class FloorPlanLayer {
  constructor(map) {
    this.map = map;
    this.overlay = null;
    this.handles = {};
    if (!map.getPane(PANE)) {
      // above the base map's tiles, below the cameras' cones and markers
      map.createPane(PANE).style.zIndex = 350;
    }
  }

  /**
   * Shows `plan` ({url, bounds, width, height}); `fit` zooms onto it (a floor just chosen), leaving out
   * `padding` [right, bottom] pixels that a panel covers.
   */
  show(plan, { fit = false, label = '', padding = [0, 0] } = {}) {
    if (this.plan?.url !== plan.url || !this.overlay) {
      this.hide();
      this.overlay = L.imageOverlay(plan.url, toLeaflet(plan.bounds), {
        pane: PANE, opacity: 0.85, alt: label, className: 'floor-plan', interactive: false,
      }).addTo(this.map);
    } else {
      this.overlay.setBounds(toLeaflet(plan.bounds));
    }
    this.plan = { ...plan };
    if (fit) this.map.fitBounds(toLeaflet(plan.bounds), { animate: false, paddingBottomRight: padding, paddingTopLeft: [8, 8] });
  }

  get shown() {
    return this.overlay !== null;
  }

  /** Where the plan lies now, [west, south, east, north]. */
  get bounds() {
    return this.plan ? [...this.plan.bounds] : null;
  }

  hide() {
    this.stopEditing();
    this.overlay?.remove();
    this.overlay = null;
    this.plan = null;
  }

  /** Handles to drag; `labels` names them for screen readers ({sw, ne, centre}). */
  edit(labels) {
    this.stopEditing();
    const at = handlePositions(this.plan.bounds);
    for (const key of ['sw', 'ne', 'centre']) {
      const marker = L.marker(toLatLng(at[key]), {
        draggable: true, keyboard: true, title: labels[key], alt: labels[key], zIndexOffset: 500,
        icon: L.divIcon({ className: `plan-handle plan-handle-${key}`, iconSize: [28, 28] }),
      }).addTo(this.map);
      marker.on('drag', () => this.setBounds(dragHandle(this.plan.bounds, key, toLonLat(marker.getLatLng())), key));
      marker.on('dragend', () => this.setBounds(this.plan.bounds));
      this.handles[key] = marker;
    }
  }

  /**
   * Lays the plan over the part of the map that is seen, with its proportions: `obscured` is the
   * rectangle (in page pixels) a panel covers over the map, left out.
   */
  fitView(obscured = null) {
    const box = this.map.getContainer().getBoundingClientRect();
    let [left, top, right, bottom] = [0, 0, box.width, box.height];
    if (obscured && obscured.width > 0) {
      if (obscured.width >= box.width * 0.9) bottom = Math.min(bottom, Math.max(box.height * 0.25, obscured.top - box.top));
      else if (obscured.left > box.left + box.width / 2) right = Math.min(right, obscured.left - box.left);
      else left = Math.max(left, obscured.right - box.left);
    }
    const sw = toLonLat(this.map.containerPointToLatLng([left, bottom]));
    const ne = toLonLat(this.map.containerPointToLatLng([right, top]));
    this.setBounds(fitInArea([sw[0], sw[1], ne[0], ne[1]], this.plan.width, this.plan.height));
  }

  setBounds(bounds, dragging = null) {
    this.plan.bounds = bounds;
    this.overlay?.setBounds(toLeaflet(bounds));
    const at = handlePositions(bounds);
    for (const [key, marker] of Object.entries(this.handles)) {
      if (key !== dragging) marker.setLatLng(toLatLng(at[key]));
    }
  }

  stopEditing() {
    Object.values(this.handles).forEach((m) => m.remove());
    this.handles = {};
  }
}
