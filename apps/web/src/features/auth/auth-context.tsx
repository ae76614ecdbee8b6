// Who is signed in: restores the session from the refresh cookie on load, signs in and out, and
// says so while a renewal waits for a busy or unreachable server.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { type CurrentUser, type LoginRequest } from '@s3am/contracts';
import {
  clearTokens,
  refreshSession,
  setSessionCallbacks,
  signInWithPassword,
  signOutSession,
  type RefreshProblem,
} from '../../api/session';
import { clearThumbnailCache } from '../files/thumbnail-cache';
import { RefreshProblemNotice } from './refresh-problem-notice';

type AuthStatus = 'loading' | 'signed-in' | 'signed-out';

interface AuthContextValue {
  status: AuthStatus;
  user: CurrentUser | null;
  /** The session ended on its own (expired or revoked), not by signing out. */
  sessionEnded: boolean;
  signIn: (credentials: LoginRequest) => Promise<CurrentUser>;
  signOut: () => Promise<void>;
  setUser: (user: CurrentUser) => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [sessionEnded, setSessionEnded] = useState(false);
  const [refreshProblem, setRefreshProblem] = useState<RefreshProblem | null>(null);

  const signedOut = useCallback(() => {
    clearTokens();
    setUser(null);
    setStatus('signed-out');
  }, []);

  useEffect(() => {
    const ended = () => {
      setSessionEnded(true);
      signedOut();
    };
    setSessionCallbacks({ ended, userChanged: setUser, refreshProblem: setRefreshProblem });
    // Settles only once the server has decided (transient failures are retried meanwhile).
    refreshSession().then(
      (restored) => {
        setUser(restored);
        setStatus('signed-in');
      },
      () => setStatus('signed-out'),
    );
  }, [signedOut]);

  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      user,
      sessionEnded,
      signIn: async (credentials) => {
        const signedIn = await signInWithPassword(credentials);
        setUser(signedIn);
        setStatus('signed-in');
        setSessionEnded(false);
        return signedIn;
      },
      signOut: async () => {
        await signOutSession();
        // List thumbnails are pictures of the user's files: none stay behind on a shared browser.
        void clearThumbnailCache();
        setSessionEnded(false);
        signedOut();
      },
      setUser,
    }),
    [status, user, sessionEnded, signedOut],
  );
  return (
    <AuthContext.Provider value={value}>
      {children}
      <RefreshProblemNotice problem={refreshProblem} />
    </AuthContext.Provider>
  );
}
