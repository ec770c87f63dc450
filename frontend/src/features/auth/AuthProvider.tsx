import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError } from '../../api/client';
import { authApi } from '../../api/endpoints';
import type { LoginRequest, RegisterRequest, User } from '../../api/types';
import { setDisplayZone } from '../../lib/time';
import { realtime } from '../../realtime/realtimeClient';

export type AuthStatus = 'loading' | 'signed-in' | 'signed-out';

interface AuthContextValue {
  status: AuthStatus;
  user: User | null;
  /** Set when the server ended the session on its own (expired or revoked token). */
  sessionEnded: boolean;
  login: (request: LoginRequest) => Promise<User>;
  register: (request: RegisterRequest) => Promise<User>;
  logout: () => Promise<void>;
  /** Set once the user deleted their account here (the sign-in page says so). */
  accountDeleted: boolean;
  /** The account was deleted: forget the user without asking the server (the session is already gone). */
  forgetDeletedAccount: () => void;
  /** Replace the signed-in user's data after a profile update. */
  updateUser: (user: User) => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children, initialUser }: { children: ReactNode; initialUser?: User | null }) {
  const [user, setUser] = useState<User | null>(initialUser ?? null);
  const [status, setStatus] = useState<AuthStatus>(initialUser === undefined ? 'loading' : initialUser ? 'signed-in' : 'signed-out');
  const [sessionEnded, setSessionEnded] = useState(false);
  const [accountDeleted, setAccountDeleted] = useState(false);
  // Set while rendering (idempotent) so the first paint after sign-in already reads the user's own zone.
  setDisplayZone(user?.timeZone);

  useEffect(() => {
    if (initialUser !== undefined) return;
    let live = true;
    authApi.me().then(
      (u) => {
        if (!live) return;
        setUser(u);
        setStatus('signed-in');
      },
      () => {
        if (!live) return;
        setUser(null);
        setStatus('signed-out');
      },
    );
    return () => {
      live = false;
    };
  }, [initialUser]);

  // Any 401 means the cookie is gone or refused: fall back to signed-out.
  useEffect(
    () =>
      api.onUnauthorized(() => {
        setUser((current) => {
          if (current) setSessionEnded(true);
          return null;
        });
        setStatus('signed-out');
      }),
    [],
  );

  // One realtime connection while signed in.
  const userId = user?.id;
  useEffect(() => {
    if (!userId) return;
    realtime.connect();
    return () => {
      void realtime.disconnect();
    };
  }, [userId]);

  const login = useCallback(async (request: LoginRequest) => {
    const u = await authApi.login(request);
    setUser(u);
    setStatus('signed-in');
    setSessionEnded(false);
    return u;
  }, []);

  const register = useCallback(async (request: RegisterRequest) => {
    const u = await authApi.register(request);
    setUser(u);
    setStatus('signed-in');
    setSessionEnded(false);
    return u;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    } finally {
      setUser(null);
      setStatus('signed-out');
    }
  }, []);

  const forgetDeletedAccount = useCallback(() => {
    setUser(null);
    setStatus('signed-out');
    setSessionEnded(false);
    setAccountDeleted(true);
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({ status, user, sessionEnded, accountDeleted, login, register, logout, forgetDeletedAccount, updateUser: setUser }),
    [status, user, sessionEnded, accountDeleted, login, register, logout, forgetDeletedAccount],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
