/**
 * The one way the app talks to the API: JSON in and out, the bearer token when signed in, and
 * an {@link ApiError} carrying the server's `{ code, message }` (already in Vietnamese).
 */
import type { TErrorBody } from '@commune-bench/domain';
import { endSession, freshAccessToken } from './auth-store';

export const API_BASE_PATH = '/api';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type QueryParameters = Record<string, string | number | boolean | null | undefined>;

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Serialised as JSON. */
  body?: unknown;
  /** Empty, null and undefined values are left out. */
  query?: QueryParameters;
  signal?: AbortSignal;
  /** Send the bearer token when there is one (default). The login request sets this to false. */
  authenticate?: boolean;
}

export function buildApiUrl(path: string, query?: QueryParameters): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return `${API_BASE_PATH}${path}${text ? `?${text}` : ''}`;
}

function isErrorBody(value: unknown): value is TErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<TErrorBody>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function apiRequest<TResponse>(
  path: string,
  options: ApiRequestOptions = {},
): Promise<TResponse> {
  const { method = 'GET', body, query, signal, authenticate = true } = options;
  const send = async (token: string | null): Promise<Response> => {
    const headers = new Headers({ Accept: 'application/json' });
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    if (token !== null) headers.set('Authorization', `Bearer ${token}`);
    try {
      return await fetch(buildApiUrl(path, query), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(0, 'network_error', NETWORK_ERROR_MESSAGE);
    }
  };

  let token = authenticate ? await freshAccessToken() : null;
  let response = await send(token);
  // A token refused before its time (a restart with a new secret, clock skew): renew once and retry.
  if (response.status === 401 && token !== null) {
    const renewed = await freshAccessToken(true);
    if (renewed !== null && renewed !== token) {
      token = renewed;
      response = await send(token);
    }
  }
  const payload = await readJson(response);
  if (response.ok) return payload as TResponse;
  throw toApiError(response.status, payload, token !== null);
}

/**
 * The error for a failed answer. A refused token ends the session so the app shows the login
 * screen; the URL is left as it is, so signing in again returns to the same page and filters.
 */
export function toApiError(status: number, payload: unknown, sentToken: boolean): ApiError {
  if (status === 401 && sentToken) endSession('expired');
  if (isErrorBody(payload)) {
    return new ApiError(status, payload.code, payload.message, payload.details);
  }
  return new ApiError(
    status,
    `http_${status}`,
    `Máy chủ trả lời lỗi (mã ${status}). Vui lòng thử lại sau.`,
  );
}

export const NETWORK_ERROR_MESSAGE = 'Không kết nối được máy chủ. Vui lòng thử lại.';
