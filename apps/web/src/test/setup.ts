import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { endSession } from '../lib/auth-store';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  endSession('signed_out');
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});
