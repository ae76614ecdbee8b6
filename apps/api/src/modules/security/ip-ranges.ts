// Addresses and CIDR ranges for blocks and allow-lists (ipaddr.js: IPv4-mapped IPv6 folds to IPv4).
import ipaddr from 'ipaddr.js';

export type IpRange = [ipaddr.IPv4 | ipaddr.IPv6, number];

function normalize(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;
}

/** An address or CIDR as a range, or null when it is neither. */
export function parseRange(value: string): IpRange | null {
  const text = value.trim();
  try {
    if (text.includes('/')) {
      const [address, bits] = ipaddr.parseCIDR(text);
      return [normalize(address), bits];
    }
    const address = normalize(ipaddr.parse(text));
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch {
    return null;
  }
}

/** The canonical spelling of a range (network address, no host bits), or null. */
export function canonicalRange(value: string): string | null {
  const range = parseRange(value);
  if (!range) return null;
  const [address, bits] = range;
  const network =
    address.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${bits}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${bits}`);
  const full = address.kind() === 'ipv4' ? 32 : 128;
  return bits === full ? network.toString() : `${network.toString()}/${bits}`;
}

export function parseAddress(value: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    return normalize(ipaddr.parse(value));
  } catch {
    return null;
  }
}

export function inRange(address: ipaddr.IPv4 | ipaddr.IPv6, range: IpRange): boolean {
  return address.kind() === range[0].kind() && address.match(range);
}

export function inAnyRange(
  address: ipaddr.IPv4 | ipaddr.IPv6,
  ranges: readonly IpRange[],
): boolean {
  return ranges.some((range) => inRange(address, range));
}
