/**
 * The signed-in session, kept in localStorage so a reload or a second tab stays signed in.
 * React reads it through {@link useSession}; the API client reads the token and clears the
 * session when the server rejects it.
 */
import { useSyncExternalStore } from 'react';
import type { TLoginResponse, TMe } from '@commune-bench/domain';

export const SESSION_STORAGE_KEY = 'commune-bench.session';

export interface Session {
  accessToken: string;
  /** Epoch milliseconds after which the token is no longer accepted. */
  expiresAt: number;
  /** Exchanged at POST /api/auth/refresh for a new pair before the access token runs out. */
  refreshToken?: string;
  refreshExpiresAt?: number;
  user: TMe;
}

/** Why the last session ended: the user signed out, or the server no longer accepted the token. */
export type SignOutReason = 'signed_out' | 'expired';

const listeners = new Set<() => void>();
let lastRaw: string | null = null;
let lastSession: Session | null = null;
let lastSignOutReason: SignOutReason | null = null;

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Session>;
  return (
    typeof candidate.accessToken === 'string' &&
    typeof candidate.expiresAt === 'number' &&
    typeof candidate.user === 'object' &&
    candidate.user !== null
  );
}

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(SESSION_STORAGE_KEY);
  } catch {
    return null;
  }
}

function parse(raw: string | null): Session | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isSession(value) ? value : null;
  } catch {
    return null;
  }
}

function emit(): void {
  for (const listener of listeners) listener();
}

/** The current session, or null. The same object is returned while the stored value is unchanged. */
export function getSession(): Session | null {
  const raw = readRaw();
  if (raw !== lastRaw) {
    lastRaw = raw;
    const session = parse(raw);
    // A session whose tokens are both past their lifetime is treated as absent; the server would
    // refuse it anyway. An access token past its lifetime is renewed with the refresh token.
    const usableUntil =
      session === null ? 0 : Math.max(session.expiresAt, session.refreshExpiresAt ?? 0);
    const expired = session !== null && usableUntil <= Date.now();
    if (expired) lastSignOutReason = 'expired';
    lastSession = expired ? null : session;
  }
  return lastSession;
}

export function getAccessToken(): string | null {
  return getSession()?.accessToken ?? null;
}

export function getSignOutReason(): SignOutReason | null {
  return lastSignOutReason;
}

export function startSession(response: TLoginResponse): Session {
  const session: Session = {
    accessToken: response.accessToken,
    expiresAt: Date.now() + response.expiresIn * 1000,
    refreshToken: response.refreshToken,
    refreshExpiresAt: Date.now() + response.refreshExpiresIn * 1000,
    user: response.user,
  };
  lastSignOutReason = null;
  window.localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  emit();
  return session;
}

export function endSession(reason: SignOutReason): void {
  lastSignOutReason = reason;
  window.localStorage.removeItem(SESSION_STORAGE_KEY);
  emit();
}

export function subscribeToSession(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab signing in or out changes localStorage and fires `storage` here.
  const onStorage = (event: StorageEvent): void => {
    if (event.key === null || event.key === SESSION_STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribeToSession, getSession, () => null);
}

let refreshing: Promise<string | null> | null = null;

/**
 * An access token good for at least the next half minute: the current one, or a new one obtained
 * with the refresh token (one request at a time, shared by concurrent callers). Null when signed
 * out; a refused refresh ends the session.
 */
export async function freshAccessToken(force = false): Promise<string | null> {
  const session = getSession();
  if (session === null) return null;
  if (!force && session.expiresAt - Date.now() > 30_000) return session.accessToken;
  if (!session.refreshToken || (session.refreshExpiresAt ?? 0) <= Date.now()) {
    return session.expiresAt > Date.now() ? session.accessToken : (endSession('expired'), null);
  }
  refreshing ??= (async () => {
    try {
      const response = await fetch('/api/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
      if (!response.ok) {
        endSession('expired');
        return null;
      }
      return startSession((await response.json()) as TLoginResponse).accessToken;
    } catch {
      // Offline: keep the session; the request itself will report the network error.
      return session.accessToken;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}
