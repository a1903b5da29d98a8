/**
 * A minimal router over the History API: the current path and search params as React state,
 * and `navigate()`. Enough for a few pages whose state (filters) lives in the URL.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';

const NAVIGATE_EVENT = 'commune-bench:navigate';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

function getLocationSnapshot(): string {
  return `${window.location.pathname}${window.location.search}`;
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one. */
  replace?: boolean;
}

export function navigate(to: string, options: NavigateOptions = {}): void {
  if (to === getLocationSnapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export interface AppLocation {
  pathname: string;
  search: string;
}

export function useLocation(): AppLocation {
  const snapshot = useSyncExternalStore(subscribe, getLocationSnapshot, () => '/');
  return useMemo(() => {
    const url = new URL(snapshot, 'http://localhost');
    return { pathname: url.pathname, search: url.search };
  }, [snapshot]);
}

export type SetSearchParams = (next: URLSearchParams, options?: NavigateOptions) => void;

/** The URL's search params (read-only: build a new URLSearchParams to change them). */
export function useSearchParams(): [URLSearchParams, SetSearchParams] {
  const { pathname, search } = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = useCallback<SetSearchParams>(
    (next, options) => {
      const text = next.toString();
      navigate(`${pathname}${text ? `?${text}` : ''}`, options);
    },
    [pathname],
  );
  return [params, setParams];
}

export type RouteParams = Record<string, string>;

/**
 * Matches a path against a pattern with `:name` segments (`/units/:id`); returns the decoded
 * params, or null. A trailing slash is ignored.
 */
export function matchPath(pattern: string, pathname: string): RouteParams | null {
  const trim = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);
  const patternParts = trim(pattern).split('/');
  const pathParts = trim(pathname).split('/');
  if (patternParts.length !== pathParts.length) return null;
  const params: RouteParams = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] ?? '';
    if (part.startsWith(':')) {
      if (actual === '') return null;
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) {
      return null;
    }
  }
  return params;
}

/** `/plans` + `{ unit: 'a', plan: undefined }` → `/plans?unit=a`. */
export function buildPath(
  pathname: string,
  params: Record<string, string | number | null | undefined> = {},
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return `${pathname}${text ? `?${text}` : ''}`;
}
