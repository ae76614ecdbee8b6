// Entry point of `cdk synth` / `cdk deploy` (cdk.json): writes the CloudFormation template to cdk.out.
import { createS3amApp } from './app.js';

createS3amApp().app.synth();
