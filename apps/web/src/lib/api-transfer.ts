/**
 * File transfers with progress: uploads (multipart, through XMLHttpRequest, the only browser API
 * that reports upload progress) and downloads (fetch, read chunk by chunk). Both send the bearer
 * token and fail with the same {@link ApiError} as {@link apiRequest}.
 */
import { freshAccessToken } from './auth-store';
import {
  ApiError,
  NETWORK_ERROR_MESSAGE,
  buildApiUrl,
  toApiError,
  type QueryParameters,
} from './api-client';

/** 0–1 when the size is known, null while it is not. */
export type ProgressListener = (fraction: number | null) => void;

export interface UploadOptions {
  onProgress?: ProgressListener;
  signal?: AbortSignal;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** POSTs a form (e.g. a `file` field) and returns the parsed JSON answer. */
export async function apiUpload<TResponse>(
  path: string,
  form: FormData,
  options: UploadOptions = {},
): Promise<TResponse> {
  const { onProgress, signal } = options;
  const token = await freshAccessToken();
  return new Promise<TResponse>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', buildApiUrl(path));
    request.setRequestHeader('Accept', 'application/json');
    if (token !== null) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (event: ProgressEvent) => {
      onProgress?.(event.lengthComputable && event.total > 0 ? event.loaded / event.total : null);
    };
    request.onload = () => {
      const payload = parseJson(request.responseText);
      if (request.status >= 200 && request.status < 300) resolve(payload as TResponse);
      else reject(toApiError(request.status, payload, token !== null));
    };
    request.onerror = () => reject(new ApiError(0, 'network_error', NETWORK_ERROR_MESSAGE));
    request.onabort = () => reject(new DOMException('Đã hủy tải lên.', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/**
 * The file name of a `Content-Disposition` header: `filename*=UTF-8''…` (RFC 5987, Vietnamese
 * names) first, then a plain `filename="…"`, else the fallback.
 */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (header) {
    const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
    if (extended?.[2]) {
      try {
        return decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
      } catch {
        // fall through to the plain name
      }
    }
    const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
    if (plain?.[1]) return plain[1].trim();
  }
  return fallback;
}

/** GETs a file with the bearer token, reporting progress while the body arrives. */
export async function apiDownload(
  path: string,
  query: QueryParameters,
  options: { fallbackName: string; onProgress?: ProgressListener; signal?: AbortSignal },
): Promise<DownloadedFile> {
  const token = await freshAccessToken();
  const headers = new Headers();
  if (token !== null) headers.set('Authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(buildApiUrl(path, query), { headers, signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'network_error', NETWORK_ERROR_MESSAGE);
  }
  if (!response.ok) {
    throw toApiError(response.status, parseJson(await response.text()), token !== null);
  }
  const total = Number(response.headers.get('Content-Length') ?? '');
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  const filename = filenameFromDisposition(
    response.headers.get('Content-Disposition'),
    options.fallbackName,
  );
  if (!response.body) return { blob: await response.blob(), filename };

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  options.onProgress?.(total > 0 ? 0 : null);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    options.onProgress?.(total > 0 ? Math.min(received / total, 1) : null);
  }
  return { blob: new Blob(chunks as BlobPart[], { type }), filename };
}

/** Hands a downloaded file to the browser as a download. */
export function saveFile({ blob, filename }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
