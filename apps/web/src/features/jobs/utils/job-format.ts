import { formatNumberVi } from '@commune-bench/domain';

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

const pad = (value: number) => String(value).padStart(2, '0');

/** `2026-12-02T07:05:00Z` → `14:05 02/12/2026`: the time in Vietnam (UTC+7). */
export function formatJobTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} ${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

/** A file size in Vietnamese notation: `850 B`, `12,5 KB`, `3,0 MB`. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumberVi(bytes / 1024, 1)} KB`;
  return `${formatNumberVi(bytes / 1024 / 1024, 1)} MB`;
}
