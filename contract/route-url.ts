/** Filling in a route of contract/routes.ts. Plain code, no TypeBox: the web client uses it at run time. */

/** Where the JSON API lives: the routes of `routes` in contract/routes.ts are below it. */
export const API_PREFIX = '/api/v1';

/** What a request to a route carries, untyped (clients type it per route through contract/routes.ts). */
export interface RouteInput {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

/** API route `POST /rooms/:room_id/join` → `{ method: 'POST', url: '/api/v1/rooms/x/join' }`, query appended. */
export function apiRequest(route: string, { params = {}, query = {} }: RouteInput = {}) {
  const [method = 'GET', pattern = ''] = route.split(' ');
  const path = pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  // By hand rather than URLSearchParams: contract/ compiles without DOM or Node types.
  const qs = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');
  return { method, url: API_PREFIX + (qs ? `${path}?${qs}` : path) };
}
