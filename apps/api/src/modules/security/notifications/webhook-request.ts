// Sends a webhook POST through agents that apply the endpoint (SSRF) policy to every socket: the
// URL an admin saved may later resolve elsewhere (DNS rebinding), so the check is made again at
// connect time, not only when the channel is saved. Redirects are never followed.
import http from 'node:http';
import https from 'node:https';
import { checkEndpoint, guardedAgents, type EndpointPolicy } from '../../../lib/ssrf-guard.js';

const agentsByPolicy = new Map<string, { httpAgent: http.Agent; httpsAgent: https.Agent }>();

function agentsFor(policy: EndpointPolicy) {
  const key = `${policy.allowPrivate}|${policy.allowLoopback}`;
  let agents = agentsByPolicy.get(key);
  if (!agents) {
    // No keep-alive: webhooks are rare, and an idle socket must not keep a process alive.
    agents = guardedAgents(policy, { keepAlive: false, maxSockets: 10 });
    agentsByPolicy.set(key, agents);
  }
  return agents;
}

/** Why a webhook URL may not be saved, or null when it may (checked after DNS resolution). */
export async function webhookUrlRefusal(
  url: string,
  policy: EndpointPolicy,
): Promise<string | null> {
  const verdict = await checkEndpoint(url, policy);
  if (verdict.ok) return null;
  const where = verdict.address ? `: ${verdict.address}` : '';
  return `${verdict.reason.replaceAll('_', ' ')}${where}`;
}

/** POSTs the body and resolves with the status code; rejects on network errors and refusals. */
export function postWebhook(
  url: string,
  options: { headers: Record<string, string>; body: string; timeoutMs: number },
  policy: EndpointPolicy,
): Promise<number> {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    return Promise.reject(new Error(`webhook scheme ${target.protocol} is not allowed`));
  const agents = agentsFor(policy);
  const send = target.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'POST',
        agent: target.protocol === 'https:' ? agents.httpsAgent : agents.httpAgent,
        headers: { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
        timeout: options.timeoutMs,
      },
      (response) => {
        // The answer's body is of no interest; drain it so the socket is released.
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`webhook did not answer within ${options.timeoutMs} ms`)),
    );
    request.on('error', reject);
    request.end(options.body);
  });
}
