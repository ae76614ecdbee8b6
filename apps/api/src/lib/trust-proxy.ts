// TRUST_PROXY: which hops in front of the API may say who the client is (X-Forwarded-For).
// `true` (trust every hop) is refused: it believes the left-most address, which the client writes,
// so anyone could choose their IP for rate limits, lockouts and the audit log.
import ipaddr from 'ipaddr.js';

/** What Fastify's `trustProxy` takes: off, a hop count, or proxy addresses/CIDRs. */
export type TrustProxy = false | number | string[];

/** proxy-addr's names for address ranges, accepted alongside addresses and CIDRs. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 10;

function isAddressOrCidr(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  if (entry.includes('/')) {
    try {
      ipaddr.parseCIDR(entry);
      return true;
    } catch {
      return false;
    }
  }
  return ipaddr.isValid(entry);
}

export function parseTrustProxy(raw: string): { value: TrustProxy } | { error: string } {
  const value = raw.trim().toLowerCase();
  if (['', 'false', '0', 'no', 'off'].includes(value)) return { value: false };
  if (['true', 'yes', 'on'].includes(value))
    return {
      error:
        `"${raw}" would trust every X-Forwarded-For hop, so clients could pick their own IP. ` +
        'Set the number of proxies in front of the API (1 behind one reverse proxy, as in ' +
        'docker-compose) or their addresses/CIDRs (e.g. 10.0.0.0/8,127.0.0.1).',
    };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= MAX_HOPS
      ? { value: hops }
      : { error: `${hops} hops is more than any real chain of proxies (at most ${MAX_HOPS}).` };
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isAddressOrCidr(entry));
  if (bad.length > 0)
    return {
      error: `not a hop count, IP address or CIDR: ${bad.map((entry) => `"${entry}"`).join(', ')}.`,
    };
  return { value: entries };
}

/**
 * Fastify's `trustProxy` for a parsed setting. A hop count becomes a function: Fastify itself
 * treats a number as "trust nothing" since 5.x. With n hops the socket peer and the n-1 addresses
 * before it are proxies; the next address (counting from the right of X-Forwarded-For) is the client.
 */
export function fastifyTrustProxy(
  setting: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  const hops = setting;
  return hops === 0 ? false : (_address, hop) => hop < hops;
}
