// Custom S3 endpoints must not point the server at itself, its cloud metadata service or (unless
// allowed) private networks: the address is checked after DNS resolution, for every address, when
// a connection is saved (checkEndpoint) and again each time a socket is opened (guardedAgents).
import dns from 'node:dns';
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Duplex } from 'node:stream';
import ipaddr from 'ipaddr.js';

export interface EndpointPolicy {
  allowPrivate: boolean;
  allowLoopback: boolean;
}

export type RefusalReason = 'metadata' | 'link_local' | 'loopback' | 'private' | 'unspecified';

export type EndpointVerdict =
  | { ok: true; addresses: string[] }
  | {
      ok: false;
      reason: 'bad_url' | 'bad_scheme' | 'unresolvable' | RefusalReason;
      address?: string;
    };

type AddressVerdict =
  { ok: true; addresses: string[] } | { ok: false; reason: RefusalReason; address: string };

/** Cloud metadata endpoints that are not link-local (AWS IPv6 IMDS, Alibaba). */
const METADATA = ['fd00:ec2::254', '100.100.100.200'].map((meta) => ipaddr.parse(meta).toString());

const ipv4 = (high: number, low: number) =>
  new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
const ipv4FromBytes = (bytes: number[]) => new ipaddr.IPv4(bytes);

/**
 * The IPv4 addresses an IPv6 address carries and may be routed to: IPv4-mapped `::ffff:a.b.c.d`,
 * SIIT `::ffff:0:a.b.c.d`, IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::/96` and the local-use
 * `64:ff9b:1::/48` (every RFC 6052 layout a prefix inside it can use), 6to4 `2002::/16`, Teredo
 * `2001::/32` (server and de-obfuscated client) and ISATAP interface ids (`…:0:5efe:a.b.c.d`).
 */
export function embeddedIPv4(
  address: ipaddr.IPv6,
): { form: string; addresses: ipaddr.IPv4[] } | undefined {
  const p = address.parts as [number, number, number, number, number, number, number, number];
  const zeros = (from: number, to: number) => p.slice(from, to).every((part) => part === 0);
  if (zeros(0, 5) && p[5] === 0xffff) return { form: 'ipv4_mapped', addresses: [ipv4(p[6], p[7])] };
  if (zeros(0, 4) && p[4] === 0xffff && p[5] === 0)
    return { form: 'ipv4_translated', addresses: [ipv4(p[6], p[7])] };
  // `::` and `::1` are IPv6's own unspecified and loopback addresses, not embeddings.
  if (zeros(0, 6) && !(p[6] === 0 && p[7] <= 1))
    return { form: 'ipv4_compatible', addresses: [ipv4(p[6], p[7])] };
  if (p[0] === 0x64 && p[1] === 0xff9b && zeros(2, 6))
    return { form: 'nat64', addresses: [ipv4(p[6], p[7])] };
  if (p[0] === 0x64 && p[1] === 0xff9b && p[2] === 1) {
    const b = address.toByteArray();
    const at = (...indexes: number[]) => ipv4FromBytes(indexes.map((i) => b[i] ?? 0));
    // RFC 6052 §2.2 layouts for /48, /56, /64 and /96 prefixes (byte 8 is the reserved u octet).
    return {
      form: 'nat64_local',
      addresses: [at(6, 7, 9, 10), at(7, 9, 10, 11), at(9, 10, 11, 12), at(12, 13, 14, 15)],
    };
  }
  if (p[0] === 0x2002) return { form: '6to4', addresses: [ipv4(p[1], p[2])] };
  if (p[0] === 0x2001 && p[1] === 0)
    return { form: 'teredo', addresses: [ipv4(p[2], p[3]), ipv4(~p[6] & 0xffff, ~p[7] & 0xffff)] };
  // ISATAP interface id 0000:5efe / 0200:5efe (u/g bits may be set) on any prefix.
  if ((p[4] & 0xfcff) === 0 && p[5] === 0x5efe)
    return { form: 'isatap', addresses: [ipv4(p[6], p[7])] };
  return undefined;
}

function classifyParsed(
  parsed: ipaddr.IPv4 | ipaddr.IPv6,
  policy: EndpointPolicy,
  address: string,
): AddressVerdict {
  const normalized = parsed.toString();
  if (METADATA.includes(normalized)) return { ok: false, reason: 'metadata', address };
  const range = parsed.range();
  if (range === 'linkLocal') return { ok: false, reason: 'link_local', address };
  if (range === 'unspecified') return { ok: false, reason: 'unspecified', address };
  if (range === 'loopback')
    return policy.allowLoopback
      ? { ok: true, addresses: [address] }
      : { ok: false, reason: 'loopback', address };
  if (['private', 'uniqueLocal', 'carrierGradeNat'].includes(range))
    return policy.allowPrivate
      ? { ok: true, addresses: [address] }
      : { ok: false, reason: 'private', address };
  return { ok: true, addresses: [address] };
}

/** Classifies one IP address for the policy (exported for unit tests). */
export function classifyAddress(address: string, policy: EndpointPolicy): AddressVerdict {
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const embedded = embeddedIPv4(parsed as ipaddr.IPv6);
    if (embedded) {
      // The packet may end up at any of the carried IPv4 addresses: each must pass on its own.
      // (A local-use NAT64 address is decoded in every layout; the wrong ones give 0.x.x.x.)
      const local = embedded.form === 'nat64_local';
      for (const inner of embedded.addresses) {
        const verdict = classifyParsed(inner, policy, address);
        if (!verdict.ok && !(local && verdict.reason === 'unspecified')) return verdict;
      }
      // A local-use NAT64 prefix translates into the site's own network.
      if (local && !policy.allowPrivate) return { ok: false, reason: 'private', address };
      if (embedded.form !== 'teredo' && embedded.form !== '6to4' && embedded.form !== 'isatap')
        return { ok: true, addresses: [address] };
    }
  }
  return classifyParsed(parsed, policy, address);
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

/** Why a connection was not opened; `code` lets S3 error handling tell it from network failures. */
export class EndpointRefusedError extends Error {
  readonly code = 'ENDPOINT_REFUSED';

  constructor(
    readonly host: string,
    readonly reason: RefusalReason,
    readonly address: string,
  ) {
    super(
      `${host} resolves to ${address} (${reason.replace('_', '-')}), which the endpoint policy refuses`,
    );
    this.name = 'EndpointRefusedError';
  }
}

/** The check for an address the socket would connect to; undefined when it may. */
function refusal(host: string, address: string, policy: EndpointPolicy) {
  const verdict = classifyAddress(address, policy);
  return verdict.ok ? undefined : new EndpointRefusedError(host, verdict.reason, address);
}

type LookupAll = (
  hostname: string,
  options: dns.LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
) => void;

/**
 * A `lookup` for sockets that resolves as usual and then refuses the connection when any address
 * is outside the policy, so DNS rebinding and a stricter policy apply to every new socket.
 */
export function guardedLookup(
  policy: EndpointPolicy,
  resolveAll: LookupAll = dns.lookup,
): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      for (const entry of addresses) {
        const refused = refusal(hostname, entry.address, policy);
        if (refused) return callback(refused, '');
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first)
        return callback(
          Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }),
          '',
        );
      callback(null, first.address, first.family);
    });
  };
}

/** Connecting to an IP literal skips `lookup`, so such hosts are checked before the socket opens. */
function literalRefusal(
  options: http.ClientRequestArgs,
  policy: EndpointPolicy,
): EndpointRefusedError | undefined {
  const host = (options.host ?? options.hostname ?? '').replace(/^\[|\]$/g, '');
  return isIP(host) ? refusal(host, host, policy) : undefined;
}

type ConnectionCallback = (error: Error | null, stream: Duplex) => void;

function refuseLater(refused: Error, callback: ConnectionCallback | undefined): undefined {
  process.nextTick(() => callback?.(refused, undefined as unknown as Duplex));
  return undefined;
}

class GuardedHttpAgent extends http.Agent {
  readonly #policy: EndpointPolicy;

  constructor(policy: EndpointPolicy, options: http.AgentOptions) {
    super({ ...options, lookup: guardedLookup(policy) });
    this.#policy = policy;
  }

  override createConnection(options: http.ClientRequestArgs, callback?: ConnectionCallback) {
    const refused = literalRefusal(options, this.#policy);
    return refused ? refuseLater(refused, callback) : super.createConnection(options, callback);
  }
}

class GuardedHttpsAgent extends https.Agent {
  readonly #policy: EndpointPolicy;

  constructor(policy: EndpointPolicy, options: https.AgentOptions) {
    super({ ...options, lookup: guardedLookup(policy) });
    this.#policy = policy;
  }

  override createConnection(options: http.ClientRequestArgs, callback?: ConnectionCallback) {
    const refused = literalRefusal(options, this.#policy);
    return refused ? refuseLater(refused, callback) : super.createConnection(options, callback);
  }
}

/** HTTP(S) agents for the S3 SDK whose every new socket is checked against the policy. */
export function guardedAgents(
  policy: EndpointPolicy,
  options: http.AgentOptions = { keepAlive: true, maxSockets: 50 },
): { httpAgent: http.Agent; httpsAgent: https.Agent } {
  return {
    httpAgent: new GuardedHttpAgent(policy, options),
    httpsAgent: new GuardedHttpsAgent(policy, options),
  };
}
