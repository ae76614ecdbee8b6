import { fastifyTrustProxy, parseTrustProxy } from './trust-proxy.js';

function errorOf(raw: string): string | undefined {
  const result = parseTrustProxy(raw);
  return 'error' in result ? result.error : undefined;
}

describe('parseTrustProxy', () => {
  it.each(['', 'false', '0', 'no', 'OFF'])('%j means no proxy is trusted', (raw) => {
    expect(parseTrustProxy(raw)).toEqual({ value: false });
  });

  it('takes a hop count', () => {
    expect(parseTrustProxy('1')).toEqual({ value: 1 });
    expect(parseTrustProxy('2')).toEqual({ value: 2 });
  });

  it('takes proxy addresses, CIDRs and range names', () => {
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1,::1,fd00::/8,loopback')).toEqual({
      value: ['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', 'loopback'],
    });
  });

  it.each(['true', 'yes', 'TRUE'])(
    'refuses %j, which would trust any client-written hop',
    (raw) => {
      expect(errorOf(raw)).toMatch(/number of proxies in front of the API/);
    },
  );

  it('refuses what is neither a count nor an address', () => {
    expect(errorOf('10.0.0.0/99,proxy.local')).toContain('"10.0.0.0/99", "proxy.local"');
    expect(errorOf('1000')).toContain('at most 10');
  });
});

describe('fastifyTrustProxy', () => {
  it('turns a hop count into "the first n hops from the socket are proxies"', () => {
    const trust = fastifyTrustProxy(2);
    if (typeof trust !== 'function') throw new Error('expected a function');
    expect([0, 1, 2].map((hop) => trust('10.0.0.1', hop))).toEqual([true, true, false]);
  });

  it('passes addresses and "off" through', () => {
    expect(fastifyTrustProxy(['10.0.0.0/8'])).toEqual(['10.0.0.0/8']);
    expect(fastifyTrustProxy(false)).toBe(false);
  });
});
