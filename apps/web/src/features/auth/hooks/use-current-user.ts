import type { TMe } from '@commune-bench/domain';
import { useSession } from '../../../lib/auth-store';
import { useMe } from '../api/get-me';

/** The signed-in user (the server's latest answer, else the one stored with the session). */
export function useCurrentUser(): TMe {
  const session = useSession();
  const { data } = useMe();
  const user = data ?? session?.user;
  if (!user) throw new Error('useCurrentUser() is only used inside a signed-in session');
  return user;
}
