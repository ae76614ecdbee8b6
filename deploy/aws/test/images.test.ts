// Where the container images come from: staged assets of the repo's Dockerfiles by default, or
// registry URIs (an ECR repository of the stack's account and region gets pull permission).
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { containerImages } from '../src/container-settings.js';
import { parseDeployContext } from '../src/context.js';
import { REQUIRED_CONTEXT } from './synth-kit.js';

function taskWith(context: Record<string, unknown>) {
  const params = parseDeployContext({ ...REQUIRED_CONTEXT, ...context });
  const stack = new Stack(new App(), 'Images', {
    env: { account: params.account, region: params.region },
  });
  const images = containerImages(stack, params);
  const task = new ecs.FargateTaskDefinition(stack, 'Task');
  task.addContainer('api', { image: images.api });
  task.addContainer('web', { image: images.web });
  const template = Template.fromStack(stack).toJSON() as {
    Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  };
  const resources = Object.values(template.Resources);
  const definitions = resources.find((r) => r.Type === 'AWS::ECS::TaskDefinition')!.Properties
    .ContainerDefinitions as { Name: string; Image: unknown }[];
  const policies = JSON.stringify(resources.filter((r) => r.Type === 'AWS::IAM::Policy'));
  return { images: Object.fromEntries(definitions.map((d) => [d.Name, d.Image])), policies };
}

describe('container images', () => {
  it('pulls an ECR image of the stack’s account with a scoped pull permission', () => {
    const { images, policies } = taskWith({
      imageSource: 'registry',
      apiImage: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/s3am-api:1.4.0',
      webImage: 'ghcr.io/example/s3am-web:1.4.0',
    });
    expect(JSON.stringify(images.api)).toContain('"/s3am-api:1.4.0"');
    expect(JSON.stringify(images.api)).toContain('AWS::URLSuffix');
    expect(policies).toContain('ecr:BatchGetImage');
    expect(policies).toContain(':repository/s3am-api');
    // Any other registry is referenced as is.
    expect(images.web).toBe('ghcr.io/example/s3am-web:1.4.0');
  });

  it('treats an ECR image of another account as a plain registry image', () => {
    const { images, policies } = taskWith({
      imageSource: 'registry',
      apiImage: '999999999999.dkr.ecr.eu-west-1.amazonaws.com/s3am-api:1.4.0',
      webImage: '999999999999.dkr.ecr.eu-west-1.amazonaws.com/s3am-web:1.4.0',
    });
    expect(images.api).toBe('999999999999.dkr.ecr.eu-west-1.amazonaws.com/s3am-api:1.4.0');
    expect(policies).not.toContain(':repository/s3am-api');
  });
});
