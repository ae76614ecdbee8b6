// The compose path as far as this machine can run it without an image registry: the compose file
// validates (`docker-compose config -q`) and wires the API to its S3 store, and the web image's
// nginx config runs on Debian's nginx (the packages apps/web/Dockerfile installs) with brotli and
// gzip for assets and API answers, long caching for hashed assets, and streams left uncompressed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { freePort } from '../../test/api-process.js';
import { portAnswers } from '../../test/process-checks.js';
import { REPO_ROOT } from '../../test/test-app.js';

const COMPOSE_FILE = path.join(REPO_ROOT, 'docker-compose.yml');

/** `docker-compose` (Debian's v1) or the `docker compose` plugin, whichever is installed. */
function composeCommand(): string[] | undefined {
  if (spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0)
    return ['docker-compose'];
  if (spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0)
    return ['docker', 'compose'];
  return undefined;
}

const compose = composeCommand();
const NGINX_MODULES = '/usr/lib/nginx/modules';
const hasNginx =
  spawnSync('nginx', ['-v'], { stdio: 'ignore' }).status === 0 &&
  spawnSync('test', ['-f', `${NGINX_MODULES}/ngx_http_brotli_static_module.so`]).status === 0;

describe('docker-compose.yml', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 's3am-compose-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  function config(env: Record<string, string>, ...args: string[]) {
    const envFile = path.join(scratch, '.env');
    writeFileSync(
      envFile,
      Object.entries(env)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
    const [command, ...rest] = compose!;
    return spawnSync(
      command!,
      [...rest, '-f', COMPOSE_FILE, '--env-file', envFile, 'config', ...args],
      {
        encoding: 'utf8',
      },
    );
  }
  const secrets = { POSTGRES_PASSWORD: 'pw', JWT_SECRET: 'j'.repeat(40), MASTER_KEYS: 'k1:x' };

  (compose ? it : it.skip)('validates with `config -q` once the secrets are in .env', () => {
    const valid = config(secrets, '-q');
    expect(valid.stderr).toBe('');
    expect(valid.status).toBe(0);
    // Without them compose names the missing one instead of starting with a default.
    const missing = config({ POSTGRES_PASSWORD: 'pw', JWT_SECRET: 'j'.repeat(40) }, '-q');
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('MASTER_KEYS');
  });

  (compose ? it : it.skip)('registers the SeaweedFS store with the keys SeaweedFS is given', () => {
    const resolved = config(secrets).stdout;
    const identity = (
      JSON.parse(readFileSync(path.join(REPO_ROOT, 'deploy/seaweedfs/s3.json'), 'utf8')) as {
        identities: { credentials: { accessKey: string; secretKey: string }[] }[];
      }
    ).identities[0]!.credentials[0]!;
    expect(resolved).toContain('BOOTSTRAP_S3_ENDPOINT: http://s3:8333');
    expect(resolved).toContain('BOOTSTRAP_S3_PUBLIC_ENDPOINT: http://localhost:8333');
    expect(resolved).toContain(`BOOTSTRAP_S3_ACCESS_KEY_ID: ${identity.accessKey}`);
    expect(resolved).toContain(`BOOTSTRAP_S3_SECRET_ACCESS_KEY: ${identity.secretKey}`);
    expect(resolved).toMatch(/ENDPOINT_ALLOW_PRIVATE: ["']true["']/);
    expect(resolved).toContain('LOG_FORMAT: json');
    // Browsers reach the store where the nginx CSP lets them.
    expect(readFileSync(path.join(REPO_ROOT, 'apps/web/nginx.conf'), 'utf8')).toContain(
      "connect-src 'self' https: http://localhost:8333",
    );
  });
});

(hasNginx ? describe : describe.skip)('the web image nginx config (Debian nginx + brotli)', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 's3am-nginx-'));
  const asset = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;
  let api: Server;
  let nginx: ChildProcess;
  let base: string;

  beforeAll(async () => {
    chmodSync(root, 0o755);
    // The build's output: hashed assets with their pre-compressed copies.
    mkdirSync(path.join(root, 'html/assets'), { recursive: true });
    writeFileSync(path.join(root, 'html/index.html'), '<!doctype html><title>S3AM</title>');
    writeFileSync(path.join(root, 'html/assets/app-1a2b3c.js'), asset);
    writeFileSync(path.join(root, 'html/assets/app-1a2b3c.js.br'), brotliCompressSync(asset));
    writeFileSync(path.join(root, 'html/assets/app-1a2b3c.js.gz'), gzipSync(asset));
    // The api service: a JSON answer worth compressing, and an event stream.
    api = createServer((request, response) => {
      if (request.url === '/api/events') {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'x-accel-buffering': 'no' });
        response.end(`data: ${'y'.repeat(4000)}\n\n`);
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ key: `f${i}` })) }),
      );
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const apiPort = (api.address() as { port: number }).port;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const site = readFileSync(path.join(REPO_ROOT, 'apps/web/nginx.conf'), 'utf8')
      .replace('listen 8080;', `listen 127.0.0.1:${port};`)
      .replace('http://api:3000', `http://127.0.0.1:${apiPort}`)
      .replace('root /usr/share/nginx/html;', `root ${root}/html;`);
    writeFileSync(path.join(root, 'site.conf'), site);
    writeFileSync(
      path.join(root, 'nginx.conf'),
      [
        `load_module ${NGINX_MODULES}/ngx_http_brotli_filter_module.so;`,
        `load_module ${NGINX_MODULES}/ngx_http_brotli_static_module.so;`,
        'worker_processes 1;',
        `pid ${root}/nginx.pid;`,
        `error_log ${root}/error.log;`,
        'events {}',
        'http {',
        '  include /etc/nginx/mime.types;',
        `  access_log off; client_body_temp_path ${root}/tmp; proxy_temp_path ${root}/tmp;`,
        `  include ${root}/site.conf;`,
        '}',
      ].join('\n'),
    );
    // Workers run as "nobody" when nginx starts as root: they buffer proxied answers here.
    mkdirSync(path.join(root, 'tmp'));
    chmodSync(path.join(root, 'tmp'), 0o777);
    const check = spawnSync('nginx', ['-t', '-c', `${root}/nginx.conf`, '-p', root], {
      encoding: 'utf8',
    });
    expect(check.stderr).toContain('test is successful');
    nginx = spawn('nginx', ['-c', `${root}/nginx.conf`, '-p', root, '-g', 'daemon off;'], {
      stdio: 'ignore',
    });
    expect(await waitForPort(port)).toBe(true);
  });

  afterAll(async () => {
    const exited = new Promise((resolve) => nginx.once('exit', resolve));
    nginx.kill('SIGQUIT');
    await exited;
    await new Promise((resolve) => api.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  async function waitForPort(port: number): Promise<boolean> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (await portAnswers(port)) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  }

  const get = (url: string, encoding: string) =>
    fetch(`${base}${url}`, { headers: { 'accept-encoding': encoding } });

  it('sends the pre-compressed brotli or gzip copy of a hashed asset, cached for a year', async () => {
    const br = await get('/assets/app-1a2b3c.js', 'br, gzip');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await br.text()).toBe(asset); // fetch decodes what nginx sent as is
    const gz = await get('/assets/app-1a2b3c.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toMatch(/Accept-Encoding/i);
    await gz.text();
  });

  it('compresses API answers on the fly but never an event stream; index.html is revalidated', async () => {
    const json = await get('/api/files', 'br');
    expect(json.headers.get('content-encoding')).toBe('br');
    expect(((await json.json()) as { items: unknown[] }).items).toHaveLength(200);
    const gzipped = await get('/api/files', 'gzip');
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    await gzipped.text();
    const stream = await get('/api/events', 'br, gzip');
    expect(stream.headers.get('content-encoding')).toBeNull();
    await stream.text();
    const index = await get('/some/page', 'gzip');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>S3AM</title>');
  });
});
