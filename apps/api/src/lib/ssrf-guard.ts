// Custom S3 endpoints must not point the server at itself, its cloud metadata service or (unless
// allowed) private networks: the address is checked after DNS resolution, for every address.
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

export interface EndpointPolicy {
  allowPrivate: boolean;
  allowLoopback: boolean;
}

export type EndpointVerdict =
  | { ok: true; addresses: string[] }
  | {
      ok: false;
      reason:
        | 'bad_url'
        | 'bad_scheme'
        | 'unresolvable'
        | 'metadata'
        | 'link_local'
        | 'loopback'
        | 'private'
        | 'unspecified';
      address?: string;
    };

/** Cloud metadata endpoints that are not link-local (AWS IPv6 IMDS, Alibaba). */
const METADATA = ['fd00:ec2::254', '100.100.100.200'];

/** Classifies one IP address for the policy (exported for unit tests). */
export function classifyAddress(address: string, policy: EndpointPolicy): EndpointVerdict {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const normalized = parsed.toString();
  if (METADATA.some((meta) => ipaddr.parse(meta).toString() === normalized))
    return { ok: false, reason: 'metadata', address };
  const range = parsed.range();
  if (range === 'linkLocal') return { ok: false, reason: 'link_local', address };
  if (range === 'unspecified') return { ok: false, reason: 'unspecified', address };
  if (range === 'loopback')
    return policy.allowLoopback
      ? { ok: true, addresses: [address] }
      : { ok: false, reason: 'loopback', address };
  if (['private', 'uniqueLocal', 'carrierGradeNat'].includes(range)) {
    return policy.allowPrivate
      ? { ok: true, addresses: [address] }
      : { ok: false, reason: 'private', address };
  }
  return { ok: true, addresses: [address] };
}

export async function checkEndpoint(
  endpoint: string,
  policy: EndpointPolicy,
  resolve = defaultResolve,
): Promise<EndpointVerdict> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { ok: false, reason: 'bad_url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: 'bad_scheme' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : await resolve(host);
  } catch {
    return { ok: false, reason: 'unresolvable' };
  }
  if (addresses.length === 0) return { ok: false, reason: 'unresolvable' };
  for (const address of addresses) {
    const verdict = classifyAddress(address, policy);
    if (!verdict.ok) return verdict;
  }
  return { ok: true, addresses };
}

async function defaultResolve(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
}
