import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { App } from '../app/app';
import { AppProviders } from '../app/app-providers';
import { createQueryClient } from '../app/query-client';

/** The whole app, as main.tsx mounts it, with a fresh query cache. */
export function renderApp() {
  const queryClient = createQueryClient();
  return { queryClient, ...render(<App queryClient={queryClient} />) };
}

/** One screen inside the app's providers (locale, query client), without the session gate. */
export function renderWithProviders(ui: ReactNode) {
  const queryClient = createQueryClient();
  return { queryClient, ...render(<AppProviders queryClient={queryClient}>{ui}</AppProviders>) };
}

/** Sets the URL before rendering, as a shared link would. */
export function openUrl(pathAndSearch: string): void {
  window.history.replaceState(null, '', pathAndSearch);
}
