// Asks for the first view's counts while the map's modules are still loading: they would otherwise
// be asked only once every module has been fetched and run. A classic script at the end of the page,
// so the page is laid out and the map's box known before any module runs. It computes the box as
// Leaflet will (Web Mercator, pixel origin rounded, api/cameras.js's six decimals) and leaves the
// answer for api/client.js, which takes it only for the very same URL: any other view, a filter or a
// city in the URL, or an embedded map (laid out differently) simply asks again.
(function () {
  'use strict';
  var mapElement = document.getElementById('map');
  var params = new URLSearchParams(location.hash.replace(/^#/, ''));
  var onlyView = Array.from(params.keys()).every(function (key) { return key === 'map'; });
  if (!mapElement || !onlyView || new URLSearchParams(location.search).get('embed') === '1') return;
  var lastView = null; // the view last seen on this device, as main.js chooses it
  try { lastView = localStorage.getItem('vigie.lastView'); } catch (e) { lastView = null; }
  var m = /^(\d{1,2})\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(params.get('map') || lastView || mapElement.dataset.defaultView);
  if (!m) return;
  var zoom = Number(m[1]);
  var lat = Number(m[2]);
  var lon = Number(m[3]);
  var width = mapElement.clientWidth;
  var height = mapElement.clientHeight;
  if (zoom > 22 || Math.abs(lat) > 90 || Math.abs(lon) > 180 || !width || !height) return;

  // Leaflet's EPSG:3857: SphericalMercator, then the transformation to pixels at the zoom's scale.
  var R = 6378137;
  var MAX_LATITUDE = 85.0511287798;
  var scale = 256 * Math.pow(2, zoom);
  var k = 0.5 / (Math.PI * R);
  function project(latitude, longitude) {
    var d = Math.PI / 180;
    var sin = Math.sin(Math.max(Math.min(MAX_LATITUDE, latitude), -MAX_LATITUDE) * d);
    var x = R * longitude * d;
    var y = R * Math.log((1 + sin) / (1 - sin)) / 2;
    return [scale * (k * x + 0.5), scale * (-k * y + 0.5)];
  }
  function unproject(px, py) {
    var x = (px / scale - 0.5) / k;
    var y = (py / scale - 0.5) / -k;
    var d = 180 / Math.PI;
    return [(2 * Math.atan(Math.exp(y / R)) - (Math.PI / 2)) * d, x * d / R];
  }
  var centre = project(lat, lon);
  var left = Math.round(centre[0] - width / 2);
  var top = Math.round(centre[1] - height / 2);
  var sw = unproject(left, top + height);
  var ne = unproject(left + width, top);
  var clamp = function (v, limit) { return Math.max(-limit, Math.min(limit, v)); };
  var box = [clamp(sw[1], 180), clamp(sw[0], 90), clamp(ne[1], 180), clamp(ne[0], 90)];
  var query = new URLSearchParams();
  query.set('bbox', box.map(function (v) { return v.toFixed(6); }).join(','));
  query.set('zoom', String(zoom));
  var url = '/api/cameras/clusters?' + query;
  var response = fetch(url, { headers: { Accept: 'application/geo+json, application/json' }, priority: 'high' });
  response.catch(function () {}); // unused, a failure must not be reported as unhandled
  window.vigieFirstView = { url: url, response: response };
})();
