// Builds the CDK app: context → validated parameters → the stack, with cdk-nag's AwsSolutions
// checks attached. Used by `cdk synth` (main.ts) and by the tests alike.
import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { parseDeployContext, type DeployParams } from './context.js';
import { suppressAcceptedFindings } from './nag-suppressions.js';
import { S3amStack } from './s3am-stack.js';

export interface S3amApp {
  app: App;
  stack: S3amStack;
  params: DeployParams;
}

/**
 * CDK feature flags this app is written for (cdk.json or `-c` may still override them): S3
 * access logs are admitted by bucket policy instead of the legacy LogDeliveryWrite ACL.
 */
export const FEATURE_FLAGS = {
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
};

export interface S3amAppOptions {
  /** false leaves out the accepted cdk-nag findings (nag.test.ts proves each is still needed). */
  acceptFindings?: boolean;
}

export function createS3amApp(props: AppProps = {}, options: S3amAppOptions = {}): S3amApp {
  const app = new App({ ...props, context: { ...FEATURE_FLAGS, ...props.context } });
  const params = parseDeployContext(app.node.getAllContext() as Record<string, unknown>);
  const stack = new S3amStack(app, params);
  if (options.acceptFindings ?? true) suppressAcceptedFindings(stack, params);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack, params };
}
