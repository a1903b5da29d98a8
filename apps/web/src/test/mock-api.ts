/**
 * A fake API behind a stubbed global `fetch` (and `XMLHttpRequest`, which uploads use): routes by
 * method and path, records every request. Components run their real fetchers, hooks and API client
 * against it.
 */
import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** Parsed JSON, the FormData of an upload, or undefined. */
  body: unknown;
}

export interface MockResponse {
  status?: number;
  body?: unknown;
  /** Extra response headers (e.g. Content-Disposition of a file). */
  headers?: Record<string, string>;
  /** A raw body (a file) instead of JSON. */
  raw?: BodyInit;
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

function parseBody(body: unknown): unknown {
  if (typeof body === 'string') return JSON.parse(body) as unknown;
  if (body instanceof FormData) return body;
  return undefined;
}

export function mockApi(routes: Routes): MockApi {
  const handlers = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];

  async function answer(request: RecordedRequest): Promise<MockResponse> {
    requests.push(request);
    const handler = handlers.get(`${request.method} ${request.url.pathname}`);
    return handler
      ? await handler(request)
      : json(
          {
            code: 'not_found',
            message: `Không có ${request.method} ${request.url.pathname} trong mock.`,
          },
          404,
        );
  }

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      window.location.origin,
    );
    const method = (init.method ?? 'GET').toUpperCase();
    const {
      status = 200,
      body,
      headers,
      raw,
    } = await answer({
      method,
      url,
      headers: new Headers(init.headers),
      body: parseBody(init.body),
    });
    if (raw !== undefined) return new Response(raw, { status, headers });
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);

  /** Just what {@link apiUpload} uses of XMLHttpRequest, answered by the same routes. */
  class MockXMLHttpRequest {
    status = 0;
    responseText = '';
    readonly upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private method = 'GET';
    private url = '';
    private readonly headers = new Headers();

    open(method: string, url: string): void {
      this.method = method.toUpperCase();
      this.url = url;
    }

    setRequestHeader(name: string, value: string): void {
      this.headers.set(name, value);
    }

    abort(): void {
      this.onabort?.();
    }

    send(body?: unknown): void {
      void (async () => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 2 } as ProgressEvent);
        const response = await answer({
          method: this.method,
          url: new URL(this.url, window.location.origin),
          headers: this.headers,
          body: parseBody(body),
        });
        this.upload.onprogress?.({ lengthComputable: true, loaded: 2, total: 2 } as ProgressEvent);
        this.status = response.status ?? 200;
        this.responseText = response.body === undefined ? '' : JSON.stringify(response.body);
        this.onload?.();
      })();
    }
  }
  vi.stubGlobal('XMLHttpRequest', MockXMLHttpRequest);

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
