import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { endSession } from '../lib/auth-store';

// antd renders slowly under happy-dom on the 2-core machines: wait up to 5 s for what appears.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  endSession('signed_out');
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});
