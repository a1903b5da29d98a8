/**
 * A fake API behind a stubbed global `fetch` (and `XMLHttpRequest`, which uploads use): routes by
 * method and path, records every request. Components run their real fetchers, hooks and API client
 * against it. {@link mockJobs} adds the background jobs endpoints, whose jobs move on at each poll.
 */
import type { TExportJobCreate, TJobView } from '@commune-bench/domain';
import { vi } from 'vitest';
import { buildJobView } from './builders';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** Parsed JSON, the FormData of an upload, or undefined. */
  body: unknown;
  /** The `:name` segments of the route that answered (`GET /api/jobs/:id` → `{ id }`). */
  params: Record<string, string>;
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

/**
 * Keys are `METHOD /api/path`, e.g. `GET /api/units`; a `:name` segment matches any one segment
 * (`GET /api/jobs/:id`), after the exact keys.
 */
export type Routes = Record<string, RouteHandler>;

export interface MockApi {
  requests: RecordedRequest[];
  /** The requests to one route (exact, or with `:name` segments), in order. */
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

/** The `:name` values when `route` (`GET /api/jobs/:id`) matches the method and path, else null. */
export function matchRoute(
  route: string,
  method: string,
  pathname: string,
): Record<string, string> | null {
  const [routeMethod, routePath = ''] = route.split(' ');
  if (routeMethod !== method) return null;
  const expected = routePath.split('/');
  const actual = pathname.split('/');
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of expected.entries()) {
    const value = actual[index] ?? '';
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(value);
    else if (segment !== value) return null;
  }
  return params;
}

export function mockApi(routes: Routes): MockApi {
  const handlers = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];

  function find(method: string, pathname: string) {
    const exact = handlers.get(`${method} ${pathname}`);
    if (exact) return { handler: exact, params: {} };
    for (const [route, handler] of handlers) {
      const params = route.includes('/:') ? matchRoute(route, method, pathname) : null;
      if (params) return { handler, params };
    }
    return undefined;
  }

  async function answer(request: Omit<RecordedRequest, 'params'>): Promise<MockResponse> {
    const found = find(request.method, request.url.pathname);
    const recorded = { ...request, params: found?.params ?? {} };
    requests.push(recorded);
    return found
      ? await found.handler(recorded)
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
        (request) =>
          (request.method === method && request.url.pathname === path) ||
          (route.includes('/:') && matchRoute(route, request.method, request.url.pathname)),
      );
    },
    setRoute: (route, handler) => handlers.set(route, handler),
  };
}

/** What a job goes through: each poll of `GET /api/jobs/:id` answers the next step, the last repeats. */
export interface MockJobScript {
  /** Default: running at 40 %, then done (with a file for an export, a report for an import). */
  steps?: Partial<TJobView>[];
  /** The answer of `GET /api/jobs/:id/file` once done (default: a small file, its name UTF-8). */
  file?: MockResponse;
}

export interface MockJobsOptions {
  exports?: MockJobScript;
  imports?: MockJobScript;
  /** Older jobs, as they are: `GET /api/jobs` lists them after those created in the test. */
  list?: TJobView[];
}

const FORMAT_LABELS: Record<TExportJobCreate['format'], string> = {
  xlsx: 'Excel',
  pdf: 'PDF',
  docx: 'Word',
  csv: 'CSV',
};

/**
 * The background jobs endpoints: `POST /api/jobs/exports` and `/imports` answer 202 with a queued
 * job; every poll moves it one step on (queued → running → done by default); `GET /api/jobs` lists
 * them newest first; `GET /api/jobs/:id/file` serves a done export's file.
 */
export function mockJobs(options: MockJobsOptions = {}): Routes {
  // The listed jobs answer polls as they are; those created move on.
  const created: { job: TJobView; polls: number; script: MockJobScript }[] = (
    options.list ?? []
  ).map((job) => ({ job, polls: 0, script: { steps: [{}] } }));
  const find = (id: string | undefined) => created.find((each) => each.job.id === id);

  const create = (job: TJobView, script: MockJobScript = {}): MockResponse => {
    created.unshift({ job, polls: 0, script });
    return json(job, 202);
  };
  const doneStep = (job: TJobView): Partial<TJobView> =>
    job.kind === 'results_import'
      ? {
          status: 'done',
          progress: 100,
          importReport: { imported: 3, created: 2, updated: 1, errors: [] },
        }
      : {
          status: 'done',
          progress: 100,
          file: { name: 'Xếp hạng.xlsx', contentType: 'application/octet-stream', size: 2048 },
        };

  return {
    'POST /api/jobs/exports': ({ body }) => {
      const request = body as TExportJobCreate;
      return create(
        buildJobView({
          kind: request.report === 'ranking' ? 'ranking_export' : 'comparison_export',
          label: `${request.report === 'ranking' ? 'Xuất bảng xếp hạng' : 'Xuất bảng so sánh'} (${FORMAT_LABELS[request.format]})`,
        }),
        options.exports,
      );
    },
    'POST /api/jobs/imports': ({ body }) => {
      const file = (body as FormData).get('file') as File;
      return create(
        buildJobView({ kind: 'results_import', label: `Nhập kết quả từ tệp ${file.name}` }),
        options.imports,
      );
    },
    'GET /api/jobs': () => json(created.map((each) => each.job)),
    'GET /api/jobs/:id': ({ params }) => {
      const entry = find(params.id);
      if (!entry) return json({ code: 'not_found', message: 'Không tìm thấy yêu cầu.' }, 404);
      const steps = entry.script.steps ?? [
        { status: 'running', progress: 40, startedAt: entry.job.createdAt },
        doneStep(entry.job),
      ];
      const step = steps[Math.min(entry.polls, steps.length - 1)] ?? {};
      entry.polls += 1;
      entry.job = { ...entry.job, ...step };
      if (entry.job.status === 'done' || entry.job.status === 'failed') {
        entry.job.finishedAt ??= entry.job.createdAt;
      }
      return json(entry.job);
    },
    'GET /api/jobs/:id/file': ({ params }) => {
      const entry = find(params.id);
      if (entry?.job.status !== 'done') {
        return json({ code: 'not_found', message: 'Yêu cầu này chưa có tệp kết quả.' }, 404);
      }
      return (
        entry.script.file ?? {
          status: 200,
          raw: new Blob(['PK']),
          headers: {
            'Content-Type': entry.job.file?.contentType ?? 'application/octet-stream',
            'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(entry.job.file?.name ?? 'bao-cao')}`,
          },
        }
      );
    },
  };
}
