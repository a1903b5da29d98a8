import type { TLoginRequest, TLoginResponse } from '@commune-bench/domain';
import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import { startSession } from '../../../lib/auth-store';
import { authKeys } from './query-keys';

export function login(request: TLoginRequest): Promise<TLoginResponse> {
  // No token on the login request: a 401 here means wrong credentials, not an expired session.
  return apiRequest<TLoginResponse>('/auth/login', {
    method: 'POST',
    body: request,
    authenticate: false,
  });
}

export function loginMutationOptions(): UseMutationOptions<
  TLoginResponse,
  ApiError,
  TLoginRequest
> {
  return { mutationKey: [...authKeys.all, 'login'], mutationFn: login };
}

/** Signs in; on success the session is stored and the current user is put in the cache. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    ...loginMutationOptions(),
    onSuccess: (response) => {
      queryClient.setQueryData(authKeys.me(), response.user);
      startSession(response);
    },
  });
}
