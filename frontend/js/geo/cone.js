// The ground a camera sees, drawn as the server computes it: one wedge per direction, `range`
// metres long, or a disc when the camera sees all around or its direction is unknown.
import { destination } from './sphere.js';

const ARC_STEP_DEG = 10;
const DISC_STEPS = 36;

/**
 * Rings ([lon, lat] positions, closed) for a camera at `position`.
 * @param {number[]} position [lon, lat]
 * @param {{directions?: number[], fieldOfView: number, range: number}} camera
 */
export function fieldOfViewRings(position, { directions = [], fieldOfView, range }) {
  if (fieldOfView >= 360 || directions.length === 0) {
    return [disc(position, range)];
  }
  return directions.map((direction) => wedge(position, direction, fieldOfView, range));
}

/** A closed ring from the camera out to an arc of `fieldOfView` degrees centred on `direction`. */
export function wedge(position, direction, fieldOfView, range) {
  const start = direction - fieldOfView / 2;
  const steps = Math.max(1, Math.ceil(fieldOfView / ARC_STEP_DEG));
  const ring = [position];
  for (let i = 0; i <= steps; i++) {
    ring.push(destination(position, start + (fieldOfView * i) / steps, range));
  }
  ring.push(position);
  return ring;
}

export function disc(position, range) {
  const ring = [];
  for (let i = 0; i < DISC_STEPS; i++) {
    ring.push(destination(position, (360 * i) / DISC_STEPS, range));
  }
  ring.push(ring[0]);
  return ring;
}

/** Where to put the handle that turns a camera: the tip of its cone, along `direction`. */
export function handlePosition(position, direction, range) {
  return destination(position, direction, range);
}
