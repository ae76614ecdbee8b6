// `cdk synth` as an operator runs it (the aws-cdk CLI over cdk.json): with only the required
// context it writes the template, offline and without AWS credentials; without it, it names the keys.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REQUIRED_CONTEXT } from './synth-kit.js';

const run = promisify(execFile);
const PACKAGE_DIR = path.resolve(__dirname, '..');

// No credentials, no instance metadata, no telemetry: nothing may need the network. CDK's own
// CloudFormation schema check (15 s, warnings only) is skipped here; cdk-nag still runs.
const OFFLINE_ENV = {
  ...process.env,
  AWS_EC2_METADATA_DISABLED: 'true',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
  CDK_VALIDATION: 'false',
};

let outdir: string;
beforeAll(() => {
  outdir = mkdtempSync(path.join(tmpdir(), 's3am-cdk-cli-'));
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('cdk synth', () => {
  it('succeeds with only the required context and writes the CloudFormation template', async () => {
    const context = Object.entries(REQUIRED_CONTEXT).flatMap(([key, value]) => [
      '-c',
      `${key}=${value}`,
    ]);
    await run(
      path.join(PACKAGE_DIR, 'node_modules/.bin/cdk'),
      ['synth', '--quiet', '--no-notices', '--output', outdir, ...context],
      { cwd: PACKAGE_DIR, env: OFFLINE_ENV, timeout: 110_000 },
    );
    const templatePath = path.join(outdir, 'S3AccessManager.template.json');
    expect(existsSync(templatePath)).toBe(true);
    const template = JSON.parse(readFileSync(templatePath, 'utf8')) as {
      Resources: Record<string, { Type: string }>;
    };
    const types = new Set(Object.values(template.Resources).map((r) => r.Type));
    for (const type of [
      'AWS::S3::Bucket',
      'AWS::ECS::Service',
      'AWS::RDS::DBInstance',
      'AWS::CloudWatch::Alarm',
    ])
      expect(types).toContain(type);
    // The Docker images are staged as assets for `cdk deploy` to build; synth ran no Docker.
    const assets = JSON.parse(
      readFileSync(path.join(outdir, 'S3AccessManager.assets.json'), 'utf8'),
    ) as {
      dockerImages: Record<string, { source: { dockerFile: string } }>;
    };
    expect(
      Object.values(assets.dockerImages)
        .map((i) => i.source.dockerFile)
        .sort(),
    ).toEqual(['apps/api/Dockerfile', 'apps/web/Dockerfile']);
  }, 120_000);

  it('stops before building anything when required context is missing, naming the keys', async () => {
    // What the CLI does: run the app from cdk.json with the context in CDK_CONTEXT_JSON.
    const failure = await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: PACKAGE_DIR,
      env: {
        ...OFFLINE_ENV,
        CDK_CONTEXT_JSON: JSON.stringify({ domainName: 'files.example.com' }),
        CDK_OUTDIR: outdir,
      },
      timeout: 60_000,
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toMatch(/Invalid CDK context:[\s\S]*certificateArn:[\s\S]*alertEmail:/);
    expect(failure?.stderr).not.toMatch(/domainName:/);
  }, 120_000);
});
