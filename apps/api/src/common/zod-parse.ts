import type { z } from 'zod';
import { badRequest } from './app-error.js';

/** PostgreSQL text cannot hold NUL: refuse it in any input rather than fail in the database. */
function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (depth > 20 || value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = findNul(item, path === '' ? key : `${path}.${key}`, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Validate input with a contract schema; a failure is a 400 listing each field and what is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const nul = findNul(input, '');
  if (nul !== undefined)
    throw badRequest(`Dữ liệu không hợp lệ: ${nul || 'giá trị'} chứa ký tự NUL.`, [
      { path: nul, message: 'ký tự NUL' },
    ]);
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  throw badRequest(
    `Dữ liệu không hợp lệ: ${details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ')}`,
    details,
  );
}
