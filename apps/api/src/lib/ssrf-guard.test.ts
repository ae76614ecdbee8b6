// SSRF policy for custom endpoints: metadata and link-local never, private and loopback only
// when allowed, checked on every resolved address.
import { checkEndpoint, classifyAddress } from './ssrf-guard.js';

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

  it('reports names that do not resolve', async () => {
    const resolve = () => Promise.reject(new Error('ENOTFOUND'));
    expect(await checkEndpoint('https://nowhere.invalid', strict, resolve)).toEqual({
      ok: false,
      reason: 'unresolvable',
    });
  });
});
