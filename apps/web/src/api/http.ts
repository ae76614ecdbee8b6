// The web app's one HTTP library, axios (the stack's choice), shaped as fetch: the typed client
// (@s3am/client, which owns the routes, contracts and retries) and the session's auth calls both
// send through it. Every status is an answer here; the callers read problem+json themselves.
import axios from 'axios';

const http = axios.create({ timeout: 30_000 });

/** Statuses whose answer never has a body (a Response refuses one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

function headersOf(init: RequestInit): Record<string, string> {
  return Object.fromEntries(new Headers(init.headers).entries());
}

/** fetch's signature over axios: network failures throw, answers of any status resolve. */
export async function fetchThroughAxios(
  input: RequestInfo | URL,
  init: RequestInit = {},
): Promise<Response> {
  try {
    const answer = await http.request<ArrayBuffer>({
      url: input instanceof Request ? input.url : input.toString(),
      method: init.method ?? 'GET',
      headers: headersOf(init),
      data: init.body ?? undefined,
      signal: init.signal ?? undefined,
      withCredentials: init.credentials === 'include',
      responseType: 'arraybuffer',
      // The body as it came: no JSON parsing, no throwing on 4xx/5xx.
      transformResponse: (data: ArrayBuffer) => data,
      validateStatus: () => true,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers as Record<string, unknown>))
      if (typeof value === 'string') headers.set(name, value);
    return new Response(NULL_BODY.has(answer.status) ? null : answer.data, {
      status: answer.status,
      statusText: answer.statusText,
      headers,
    });
  } catch (error) {
    // A cancelled call ends as fetch's would: with the signal's reason (an AbortError).
    if (init.signal?.aborted) throw init.signal.reason;
    throw error;
  }
}
