import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Every page of the app as its route (`/people/[id]`), read from the page.tsx files, so the specs
 * that must cover every page (phone width, the access matrix) fail when one is added without them.
 */
export function appPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string, route: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      // Route groups such as `(app)` are not part of the address.
      if (entry.isDirectory())
        walk(join(dir, entry.name), /^\(.+\)$/.test(entry.name) ? route : [...route, entry.name]);
      else if (entry.name === 'page.tsx') pages.push(`/${route.join('/')}`);
    }
  };
  walk(fileURLToPath(new URL('../app', import.meta.url)), []);
  return pages.sort();
}

/** The route an address is served by: a fixed segment wins over a parameter (`/people/new` over `/people/[id]`). */
export function routeOf(path: string, routes: string[]): string {
  const segments = new URL(path, 'http://app.invalid').pathname.split('/').filter(Boolean);
  const params = (route: string) => route.split('/').filter((p) => p.startsWith('[')).length;
  const matching = routes.filter((route) => {
    const parts = route.split('/').filter(Boolean);
    return parts.length === segments.length && parts.every((p, i) => p.startsWith('[') || p === segments[i]);
  });
  return matching.sort((a, b) => params(a) - params(b))[0] ?? path;
}
