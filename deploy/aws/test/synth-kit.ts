// Shared by the synthesis tests: the required context, and one synthesis of the app per test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { createS3amApp, type S3amApp } from '../src/app.js';

/** The only context a deployment must give (everything else has a default). */
export const REQUIRED_CONTEXT = {
  domainName: 'files.example.com',
  certificateArn:
    'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab',
  alertEmail: 'ops@example.com',
};

export interface Synthesis extends S3amApp {
  template: Template;
  /** The template as one JSON string, for "never appears anywhere" checks. */
  json: string;
  cleanup(): void;
}

/**
 * Synthesises the app into a temporary directory. CDK's built-in CloudFormation schema validation
 * (15 s here, and it only ever warns) is left to `pnpm synth`; cdk-nag runs as in every synth.
 */
export function synthesize(context: Record<string, unknown> = REQUIRED_CONTEXT): Synthesis {
  const outdir = mkdtempSync(path.join(tmpdir(), 's3am-cdk-'));
  const built = createS3amApp({ context, outdir, builtinCloudFormationValidation: false });
  const template = Template.fromStack(built.stack);
  return {
    ...built,
    template,
    json: JSON.stringify(template.toJSON()),
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

/** Resources of one type, by logical id. */
export function resourcesOfType(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

/** The single resource of a type whose logical id starts with `prefix`. */
export function onlyResource(template: Template, type: string, prefix: string) {
  const matches = Object.entries(resourcesOfType(template, type)).filter(([id]) =>
    id.startsWith(prefix),
  );
  if (matches.length !== 1)
    throw new Error(`expected one ${type} named ${prefix}*, found ${matches.length}`);
  return { id: matches[0]![0], ...matches[0]![1] };
}
