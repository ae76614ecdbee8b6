// SSRF policy for custom endpoints: metadata and link-local never, private and loopback only
// when allowed, checked on every resolved address — also inside IPv6 forms that carry an IPv4
// address, and again by the lookup every new socket uses.
import type dns from 'node:dns';
import {
  checkEndpoint,
  classifyAddress,
  EndpointRefusedError,
  guardedAgents,
  guardedLookup,
} from './ssrf-guard.js';

const strict = { allowPrivate: false, allowLoopback: false };
const lenient = { allowPrivate: true, allowLoopback: true };

describe('classifyAddress', () => {
  it.each([
    ['169.254.169.254', 'link_local'],
    ['fe80::1', 'link_local'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['::ffff:169.254.169.254', 'link_local'],
  ])('always refuses %s (%s)', (address, reason) => {
    expect(classifyAddress(address, lenient)).toMatchObject({ ok: false, reason });
  });

  it.each([
    ['10.0.0.5', 'private'],
    ['172.16.3.4', 'private'],
    ['192.168.1.10', 'private'],
    ['fd12:3456::1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
  ])('refuses %s unless allowed (%s)', (address, reason) => {
    expect(classifyAddress(address, strict)).toMatchObject({ ok: false, reason });
    expect(classifyAddress(address, lenient).ok).toBe(true);
  });

  // 169.254.169.254 (the metadata service) = a9fe:a9fe; 127.0.0.1 = 7f00:1; 10.1.2.3 = a01:203.
  it.each([
    ['IPv4-mapped', '::ffff:a9fe:a9fe'],
    ['IPv4-translated (SIIT)', '::ffff:0:a9fe:a9fe'],
    ['IPv4-compatible', '::169.254.169.254'],
    ['NAT64 well-known prefix', '64:ff9b::a9fe:a9fe'],
    ['NAT64 well-known prefix, dotted', '64:ff9b::169.254.169.254'],
    ['NAT64 local-use /48 layout', '64:ff9b:1:a9fe:a9:fe00::'],
    ['NAT64 local-use /96 layout', '64:ff9b:1::a9fe:a9fe'],
    ['6to4', '2002:a9fe:a9fe::1'],
    ['Teredo (server)', '2001:0:a9fe:a9fe::1'],
    ['Teredo (obfuscated client)', '2001:0:3432:c72b:0:f227:5601:5601'],
    ['ISATAP', '2001:db8::5efe:a9fe:a9fe'],
    ['ISATAP, universal bit', 'fd00:1::200:5efe:a9fe:a9fe'],
  ])('refuses the metadata address inside %s (%s)', (_form, address) => {
    expect(classifyAddress(address, lenient)).toMatchObject({
      ok: false,
      reason: 'link_local',
      address,
    });
  });

  it.each([
    ['IPv4-compatible', '::7f00:1', 'loopback'],
    ['NAT64', '64:ff9b::7f00:1', 'loopback'],
    ['6to4', '2002:7f00:1::', 'loopback'],
    ['ISATAP', '2001:db8::5efe:7f00:1', 'loopback'],
    ['NAT64', '64:ff9b::a01:203', 'private'],
    ['6to4', '2002:a01:203::1', 'private'],
    ['Teredo', '2001:0:a01:203::1', 'private'],
    ['NAT64 local-use (always site-internal)', '64:ff9b:1::3418:801', 'private'],
  ])(
    'applies the loopback/private rule to the IPv4 address inside %s %s',
    (_form, address, reason) => {
      expect(classifyAddress(address, strict)).toMatchObject({ ok: false, reason });
      expect(classifyAddress(address, lenient).ok).toBe(true);
    },
  );

  it('accepts IPv6 forms that carry a public IPv4 address', () => {
    expect(classifyAddress('64:ff9b::3418:801', strict).ok).toBe(true);
    expect(classifyAddress('2002:3418:801::1', strict).ok).toBe(true);
    expect(classifyAddress('::ffff:52.216.8.1', strict).ok).toBe(true);
  });

  it('accepts public addresses', () => {
    expect(classifyAddress('52.216.8.1', strict).ok).toBe(true);
    expect(classifyAddress('2600:1f18::1', strict).ok).toBe(true);
  });
});

describe('checkEndpoint', () => {
  it('refuses non-http schemes and malformed URLs', async () => {
    expect(await checkEndpoint('ftp://s3.example.com', lenient)).toMatchObject({
      ok: false,
      reason: 'bad_scheme',
    });
    expect(await checkEndpoint('not a url', lenient)).toMatchObject({
      ok: false,
      reason: 'bad_url',
    });
  });

  it('checks every address a name resolves to (DNS rebinding to metadata is refused)', async () => {
    const resolve = () => Promise.resolve(['52.216.8.1', '169.254.169.254']);
    expect(await checkEndpoint('https://bucket.example.com', strict, resolve)).toMatchObject({
      ok: false,
      reason: 'link_local',
      address: '169.254.169.254',
    });
  });

  it('accepts a public name and reports its addresses', async () => {
    const resolve = () => Promise.resolve(['52.216.8.1']);
    expect(await checkEndpoint('https://s3.example.com', strict, resolve)).toEqual({
      ok: true,
      addresses: ['52.216.8.1'],
    });
  });

  it('resolves localhost for real and applies the loopback rule', async () => {
    expect(await checkEndpoint('http://localhost:4568', strict)).toMatchObject({
      ok: false,
      reason: 'loopback',
    });
    expect((await checkEndpoint('http://127.0.0.1:4568', lenient)).ok).toBe(true);
  });

  it('refuses an IPv6 literal that embeds the metadata address', async () => {
    expect(await checkEndpoint('http://[64:ff9b::a9fe:a9fe]/', strict)).toMatchObject({
      ok: false,
      reason: 'link_local',
    });
    expect(await checkEndpoint('http://[64:ff9b::169.254.169.254]:80', lenient)).toMatchObject({
      ok: false,
      reason: 'link_local',
    });
  });

  it('reports names that do not resolve', async () => {
    const resolve = () => Promise.reject(new Error('ENOTFOUND'));
    expect(await checkEndpoint('https://nowhere.invalid', strict, resolve)).toEqual({
      ok: false,
      reason: 'unresolvable',
    });
  });
});

describe('guardedLookup (the check every new socket makes)', () => {
  const resolvingTo =
    (...addresses: string[]) =>
    (
      _host: string,
      _options: dns.LookupAllOptions,
      callback: (error: NodeJS.ErrnoException | null, found: dns.LookupAddress[]) => void,
    ) =>
      callback(
        null,
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      );
  const lookupWith = (lookup: ReturnType<typeof guardedLookup>, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
      lookup('s3.example.com', { all }, (error, address) => resolve({ error, address })),
    );

  it('refuses a name that now resolves to the metadata address (DNS rebinding)', async () => {
    const lookup = guardedLookup(lenient, resolvingTo('52.216.8.1', '169.254.169.254'));
    const { error } = await lookupWith(lookup, true);
    expect(error).toBeInstanceOf(EndpointRefusedError);
    expect(error).toMatchObject({ code: 'ENDPOINT_REFUSED', reason: 'link_local' });
  });

  it('applies the current policy to loopback answers', async () => {
    expect(
      (await lookupWith(guardedLookup(strict, resolvingTo('127.0.0.1')), false)).error,
    ).toMatchObject({
      reason: 'loopback',
    });
    expect(await lookupWith(guardedLookup(lenient, resolvingTo('127.0.0.1')), false)).toEqual({
      error: null,
      address: '127.0.0.1',
    });
  });

  it('answers in the shape asked for (one address, or all for happy eyeballs)', async () => {
    const lookup = guardedLookup(strict, resolvingTo('52.216.8.1', '2600:1f18::1'));
    expect((await lookupWith(lookup, true)).address).toEqual([
      { address: '52.216.8.1', family: 4 },
      { address: '2600:1f18::1', family: 6 },
    ]);
    expect((await lookupWith(lookup, false)).address).toBe('52.216.8.1');
  });
});

describe('guardedAgents', () => {
  it('refuses a socket to a refused IP literal before connecting (literals skip lookup)', async () => {
    const { httpAgent, httpsAgent } = guardedAgents(strict);
    const { request } = await import('node:http');
    const error = await new Promise<Error>((resolve) => {
      const req = request({ host: '127.0.0.1', port: 9, agent: httpAgent }, () => undefined);
      req.on('error', resolve);
      req.end();
    });
    expect(error).toBeInstanceOf(EndpointRefusedError);
    expect(error).toMatchObject({ reason: 'loopback', address: '127.0.0.1' });
    httpAgent.destroy();
    httpsAgent.destroy();
  });
});
