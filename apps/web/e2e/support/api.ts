/** Direct calls to the API under test, to compare what the page shows with what the API says. */
import { inject } from 'vitest';

export async function tokenFor(username: string): Promise<string> {
  const response = await fetch(`${inject('baseUrl')}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: inject('demoPassword') }),
  });
  if (!response.ok)
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { accessToken: string };
  return body.accessToken;
}

export async function apiGet<T>(username: string, path: string): Promise<T> {
  const response = await fetch(`${inject('baseUrl')}/api${path}`, {
    headers: { Authorization: `Bearer ${await tokenFor(username)}` },
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Whether the server has a route yet (the reports and the plan extraction are other work in
 * progress): anything but a 404 means it is there.
 */
export async function routeExists(
  username: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<boolean> {
  const response = await fetch(`${inject('baseUrl')}/api${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${await tokenFor(username)}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status !== 404;
}
