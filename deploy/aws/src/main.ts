// Entry point of `cdk synth` / `cdk deploy` (cdk.json): writes the CloudFormation template to cdk.out.
import { createS3amApp } from './app.js';
import { DeployContextError } from './context.js';

try {
  createS3amApp().app.synth();
} catch (error) {
  // A parameter problem is the operator's to fix: say which, without a stack trace.
  if (!(error instanceof DeployContextError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
