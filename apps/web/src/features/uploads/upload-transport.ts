// The engine's API transport for the web app: same-origin fetch with the session's bearer token,
// and the typed client's 401 behaviour (refresh once, retry once, else the session is over).
import { createFetchUploadApi, type UploadApi } from '@s3am/uploader';
import { ProblemSchema } from '@s3am/contracts';
import { getAccessToken, recoverFromUnauthorized } from '../../api/session';

function withBearer(init: RequestInit | undefined, token: string | null): RequestInit {
  const headers = new Headers(init?.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  else headers.delete('authorization');
  return { ...init, headers };
}

async function isUnauthenticated(response: Response): Promise<boolean> {
  if (response.status !== 401) return false;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  const problem = ProblemSchema.safeParse(body);
  return !problem.success || problem.data.code === 'UNAUTHENTICATED';
}

/** Bodies here are JSON strings, so the request can be sent again as it was. */
const refreshingFetch: typeof fetch = async (input, init) => {
  const sentToken = getAccessToken();
  const response = await fetch(input, withBearer(init, sentToken));
  if (!(await isUnauthenticated(response))) return response;
  if (!(await recoverFromUnauthorized(sentToken))) return response;
  return fetch(input, withBearer(init, getAccessToken()));
};

export function createWebUploadApi(): UploadApi {
  return createFetchUploadApi({ baseUrl: '', fetch: refreshingFetch });
}
