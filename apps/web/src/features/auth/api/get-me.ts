import type { TMe } from '@commune-bench/domain';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/auth-store';
import { authKeys } from './query-keys';

export function getMe(signal?: AbortSignal): Promise<TMe> {
  return apiRequest<TMe>('/auth/me', { signal });
}

export function getMeQueryOptions() {
  return queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
  });
}

/**
 * The signed-in user as the server knows them now. Shows the user stored with the session while
 * the request runs; a refused token ends the session (see the API client).
 */
export function useMe() {
  const session = useSession();
  return useQuery({
    ...getMeQueryOptions(),
    enabled: session !== null,
    placeholderData: session?.user,
  });
}
