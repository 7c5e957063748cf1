// Distance between two points on the Earth, for "within 250 m" of a concern's location.

export interface LatLng {
  /** Degrees, WGS 84 as Telegram sends them (−90 … 90). */
  latitude: number;
  /** Degrees (−180 … 180). */
  longitude: number;
}

/** Mean radius of the Earth, metres (IUGG mean radius R1 of GRS 80; Moritz, Geodetic Reference System 1980). */
export const EARTH_RADIUS_M = 6_371_008.8;

/**
 * Great-circle distance in metres by the haversine formula (R. W. Sinnott, "Virtues of the
 * Haversine", Sky and Telescope 68(2):159, 1984), on a sphere of the mean radius: within 0.5 %
 * of the ellipsoidal distance, which is far below the accuracy of a phone's location.
 */
export function haversineMeters(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
