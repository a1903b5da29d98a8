/**
 * A fake API behind a stubbed global `fetch`: routes by method and path, records every request.
 * Components run their real fetchers, hooks and API client against it.
 */
import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export interface MockResponse {
  status?: number;
  body?: unknown;
}

export type RouteHandler = (request: RecordedRequest) => MockResponse | Promise<MockResponse>;

/** Keys are `METHOD /api/path`, e.g. `GET /api/units`. */
export type Routes = Record<string, RouteHandler>;

export interface MockApi {
  requests: RecordedRequest[];
  /** The requests to one route, in order. */
  requestsTo(route: string): RecordedRequest[];
  /** Replaces (or adds) a route's handler. */
  setRoute(route: string, handler: RouteHandler): void;
}

export function json(body: unknown, status = 200): MockResponse {
  return { status, body };
}

export function mockApi(routes: Routes): MockApi {
  const handlers = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      window.location.origin,
    );
    const method = (init.method ?? 'GET').toUpperCase();
    const request: RecordedRequest = {
      method,
      url,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    requests.push(request);
    const handler = handlers.get(`${method} ${url.pathname}`);
    const { status = 200, body } = handler
      ? await handler(request)
      : json({ code: 'not_found', message: `Không có ${method} ${url.pathname} trong mock.` }, 404);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);

  return {
    requests,
    requestsTo: (route) => {
      const [method, path] = route.split(' ');
      return requests.filter(
        (request) => request.method === method && request.url.pathname === path,
      );
    },
    setRoute: (route, handler) => handlers.set(route, handler),
  };
}
