// One reading of the phone's compass: asks permission where the browser requires it (iOS), then
// resolves to the heading in degrees from north, or null when no compass answers.
import { normalizeBearing } from '../geo/sphere.js';

/** The heading of a deviceorientation event: Safari's webkitCompassHeading, else 360 − alpha. */
export function headingOf(event) {
  if (typeof event.webkitCompassHeading === 'number') return normalizeBearing(event.webkitCompassHeading);
  if (typeof event.alpha === 'number' && (event.absolute || event.type === 'deviceorientationabsolute')) {
    return normalizeBearing(360 - event.alpha);
  }
  return null;
}

export async function readCompass({ timeoutMs = 5000 } = {}) {
  const Orientation = window.DeviceOrientationEvent;
  if (!Orientation) return null;
  if (typeof Orientation.requestPermission === 'function') {
    const answer = await Orientation.requestPermission().catch(() => 'denied');
    if (answer !== 'granted') return null;
  }
  return new Promise((resolve) => {
    const events = ['deviceorientationabsolute', 'deviceorientation'];
    const done = (value) => {
      clearTimeout(timer);
      events.forEach((name) => window.removeEventListener(name, listener));
      resolve(value);
    };
    const listener = (event) => {
      const heading = headingOf(event);
      if (heading !== null) done(heading);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    events.forEach((name) => window.addEventListener(name, listener));
  });
}
