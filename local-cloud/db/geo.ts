/**
 * Geo operators mingo lacks: $nearSphere, $geoWithin, $geoIntersects (query) and $geoNear (aggregation).
 * Spherical model with the earth radius CloudBase uses (6 378 100 m); distances in metres, $centerSphere in radians.
 */
import { isPlainObject } from './codec';

export const EARTH_RADIUS_M = 6378100;

type Position = [number, number];
interface Geometry {
  type: string;
  coordinates: unknown;
}

function isGeometry(v: unknown): v is Geometry {
  return isPlainObject(v) && typeof v.type === 'string' && Array.isArray(v.coordinates);
}

function toRad(deg: number): number {
  return (deg * Math.PI) / 180;
}

/** Great-circle distance in radians between two [lng, lat] points (haversine). */
export function angularDistance(a: Position, b: Position): number {
  const dLat = toRad(b[1] - a[1]);
  const dLng = toRad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a[1])) * Math.cos(toRad(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function distanceMetres(a: Position, b: Position): number {
  return angularDistance(a, b) * EARTH_RADIUS_M;
}

/** Every position of a geometry (for Points: the point). */
function positions(g: Geometry): Position[] {
  const out: Position[] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && c.length >= 2 && typeof c[0] === 'number' && typeof c[1] === 'number') {
      out.push([c[0], c[1]]);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(g.coordinates);
  return out;
}

/** A stored value as a point: GeoJSON Point or legacy [lng, lat]. */
export function asPoint(v: unknown): Position | null {
  if (isGeometry(v) && v.type === 'Point') {
    const c = v.coordinates as unknown[];
    if (typeof c[0] === 'number' && typeof c[1] === 'number') return [c[0], c[1]];
  }
  if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number') return [v[0], v[1]];
  return null;
}

function pointInRing(p: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates as Position[][]];
  if (g.type === 'MultiPolygon') return g.coordinates as Position[][][];
  return [];
}

function pointInPolygons(p: Position, polys: Position[][][]): boolean {
  return polys.some(([outer, ...holes]) => pointInRing(p, outer) && !holes.some((h) => pointInRing(p, h)));
}

function segmentsIntersect(a: Position, b: Position, c: Position, d: Position): boolean {
  const cross = (o: Position, p: Position, q: Position): number =>
    (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0]);
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return d1 * d2 <= 0 && d3 * d4 <= 0;
}

function segments(g: Geometry): [Position, Position][] {
  const out: [Position, Position][] = [];
  const lines: Position[][] =
    g.type === 'LineString'
      ? [g.coordinates as Position[]]
      : g.type === 'MultiLineString' || g.type === 'Polygon'
        ? (g.coordinates as Position[][])
        : g.type === 'MultiPolygon'
          ? (g.coordinates as Position[][][]).flat()
          : [];
  for (const line of lines) for (let i = 1; i < line.length; i++) out.push([line[i - 1], line[i]]);
  return out;
}

/** Planar intersection test in lng/lat (adequate at city scale). */
function intersects(a: Geometry, b: Geometry): boolean {
  const aPolys = polygonsOf(a);
  const bPolys = polygonsOf(b);
  if (positions(a).some((p) => pointInPolygons(p, bPolys))) return true;
  if (positions(b).some((p) => pointInPolygons(p, aPolys))) return true;
  const sa = segments(a);
  const sb = segments(b);
  if (sa.some(([p, q]) => sb.some(([r, s]) => segmentsIntersect(p, q, r, s)))) return true;
  const pa = positions(a);
  const pb = positions(b);
  return pa.some((p) => pb.some((q) => p[0] === q[0] && p[1] === q[1]));
}

function resolvePath(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const part of path.split('.')) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

interface NearSpec {
  center: Position;
  minDistance?: number;
  maxDistance?: number;
}

export function parseNear(value: unknown): NearSpec {
  if (!isPlainObject(value)) throw new Error('$nearSphere needs an object');
  const geometry = value.$geometry ?? value;
  const center = asPoint(geometry);
  if (!center) throw new Error('$nearSphere needs a Point');
  const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  return { center, minDistance: num(value.$minDistance), maxDistance: num(value.$maxDistance) };
}

type Predicate = (obj: unknown) => boolean;

export function $nearSphere(selector: string, value: unknown): Predicate {
  const near = parseNear(value);
  return (obj) => {
    const p = asPoint(resolvePath(obj, selector));
    if (!p) return false;
    const d = distanceMetres(near.center, p);
    if (near.minDistance !== undefined && d < near.minDistance) return false;
    if (near.maxDistance !== undefined && d > near.maxDistance) return false;
    return true;
  };
}

export function $geoWithin(selector: string, value: unknown): Predicate {
  if (!isPlainObject(value)) throw new Error('$geoWithin needs an object');
  const cs = value.$centerSphere;
  if (Array.isArray(cs)) {
    const center = asPoint(cs[0]);
    const radius = Number(cs[1]);
    if (!center) throw new Error('$centerSphere needs [[lng, lat], radians]');
    return (obj) => {
      const v = resolvePath(obj, selector);
      const pts = isGeometry(v) ? positions(v) : asPoint(v) ? [asPoint(v) as Position] : [];
      return pts.length > 0 && pts.every((p) => angularDistance(center, p) <= radius);
    };
  }
  const shape = value.$geometry;
  if (!isGeometry(shape)) throw new Error('$geoWithin needs $geometry or $centerSphere');
  const polys = polygonsOf(shape);
  return (obj) => {
    const v = resolvePath(obj, selector);
    const pts = isGeometry(v) ? positions(v) : asPoint(v) ? [asPoint(v) as Position] : [];
    return pts.length > 0 && pts.every((p) => pointInPolygons(p, polys));
  };
}

export function $geoIntersects(selector: string, value: unknown): Predicate {
  if (!isPlainObject(value) || !isGeometry(value.$geometry)) throw new Error('$geoIntersects needs $geometry');
  const shape = value.$geometry;
  return (obj) => {
    const v = resolvePath(obj, selector);
    return isGeometry(v) && intersects(v, shape);
  };
}

/** Finds the first `$nearSphere` / `$near` in a query: documents are then returned nearest first. */
export function findNear(query: unknown): { path: string; near: NearSpec } | null {
  if (!isPlainObject(query)) return null;
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const sub of v) {
        const found = findNear(sub);
        if (found) return found;
      }
    } else if (!k.startsWith('$') && isPlainObject(v)) {
      const spec = v.$nearSphere ?? v.$near;
      if (spec !== undefined) return { path: k, near: parseNear(spec) };
    }
  }
  return null;
}

export function distanceOf(doc: unknown, path: string, center: Position): number {
  const p = asPoint(resolvePath(doc, path));
  return p ? distanceMetres(center, p) : Infinity;
}

export { resolvePath };
