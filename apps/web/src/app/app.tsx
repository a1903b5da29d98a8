import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { LoginPage } from '../features/auth/components/login-page';
import { useSession } from '../lib/auth-store';
import { AppProviders } from './app-providers';
import { AppShell } from './app-shell';

interface AppProps {
  queryClient: QueryClient;
}

/** Signed out (or the token was refused): the login screen, at the same URL. Signed in: the app. */
function SessionGate() {
  const queryClient = useQueryClient();
  const session = useSession();

  // Nothing fetched for one user is shown to the next one.
  useEffect(() => {
    if (session === null) queryClient.clear();
  }, [session, queryClient]);

  return session === null ? <LoginPage /> : <AppShell />;
}

export function App({ queryClient }: AppProps) {
  return (
    <AppProviders queryClient={queryClient}>
      <SessionGate />
    </AppProviders>
  );
}
