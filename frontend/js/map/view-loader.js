// Loads what the visible area holds, after the view has settled (debounced), cancelling the
// request of a view the user has already left, and never asking twice for the view it is showing
// or loading. Zoomed out, or when the area holds more cameras than can be drawn, it asks the server
// for counts per cell instead of cameras. Zoomed in, it asks the counts first (a few rows of the
// server's aggregates) and the cameras only when they can all be drawn: a dense city never costs
// the building of a thousand cameras it would not draw.
import { camerasIn, clustersIn } from '../api/cameras.js';
import { NetworkError } from '../api/client.js';
import { debounce } from '../ui/dom.js';

/** Below this zoom, cameras are always shown as counts. */
export const CLUSTER_BELOW_ZOOM = 14;
/** Cameras drawn at most; each also has a cone, so about twice as many elements. */
export const CAMERA_LIMIT = 1000;

export class ViewLoader {
  /**
   * @param map the Leaflet map
   * @param {{cameras, clusters, params: () => URLSearchParams, onCount: (info) => void, onError: (e) => void}} options
   */
  constructor(map, { cameras, clusters, params, onCount, onError }) {
    Object.assign(this, { map, cameras, clusters, params, onCount, onError });
    this.controller = null;
    this.shown = null;
    this.schedule = debounce(() => this.load(), 250);
    map.on('moveend', this.schedule);
  }

  /** The view's box, clamped to the world (js/first-view.js computes the first one alike). */
  box() {
    const b = this.map.getBounds();
    const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v));
    return { minLon: clamp(b.getWest(), 180), minLat: clamp(b.getSouth(), 90), maxLon: clamp(b.getEast(), 180), maxLat: clamp(b.getNorth(), 90) };
  }

  /** `force` reloads the view shown (after a change of data or language). */
  async load({ force = false } = {}) {
    const box = this.box();
    const zoom = Math.round(this.map.getZoom());
    const params = this.params();
    const view = JSON.stringify([box, zoom, params.toString()]);
    if (!force && view === this.shown) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.shown = view;
    const { signal } = controller;
    try {
      const cells = await clustersIn(box, zoom, params, { signal });
      if (zoom >= CLUSTER_BELOW_ZOOM && cells.count <= CAMERA_LIMIT) {
        const page = await camerasIn(box, params, { limit: CAMERA_LIMIT, view: 'map', signal });
        if (!page.truncated) {
          this.clusters.clear();
          this.cameras.show(page.features);
          this.onCount({ mode: 'cameras', count: page.count });
          return;
        }
      }
      this.cameras.clear();
      this.clusters.show(cells.features);
      this.onCount({ mode: 'clusters', count: cells.count });
    } catch (e) {
      if (this.shown === view) this.shown = null;
      if (e.name === 'AbortError') return;
      this.onError(e instanceof NetworkError ? 'network' : e);
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }
}
