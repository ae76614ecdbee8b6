// The whole production setup in one stack: storage, network, data stores, secrets, the services
// and their identity, monitoring; cdk-nag's AwsSolutions checks run over all of it.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { AppSecrets } from './app-secrets.js';
import { appContainerSettings, containerImages } from './container-settings.js';
import type { DeployParams } from './context.js';
import { DataStores } from './data-stores.js';
import { Alarms, AlertsTopic } from './monitoring.js';
import { Network } from './network.js';
import { Runtime } from './runtime.js';
import { Storage } from './storage.js';
import { taskPolicyStatements } from './task-policy.js';

export class S3amStack extends Stack {
  readonly storage: Storage;
  readonly runtime: Runtime;
  readonly taskRole: iam.Role;
  readonly taskRolePolicy: iam.Policy;
  readonly secrets: AppSecrets;
  readonly data: DataStores;
  readonly alerts: AlertsTopic;
  readonly alarms: Alarms;

  private readonly zones: string[];

  constructor(scope: Construct, params: DeployParams, props: StackProps = {}) {
    super(scope, params.stackName, {
      description: 'S3 Access Manager: uploads bucket, API, worker and web app on ECS Fargate',
      env: { account: params.account, region: params.region },
      ...props,
    });
    this.zones = params.zones;
    this.storage = new Storage(this, 'Storage', params);
    const network = new Network(this, 'Network', params, this.storage.logBucket);
    const appSecurityGroup = new ec2.SecurityGroup(this, 'AppSecurityGroup', {
      vpc: network.vpc,
      description: 'API and worker tasks',
    });
    const secrets = (this.secrets = new AppSecrets(this, 'Secrets'));
    const data = (this.data = new DataStores(this, 'Data', params, {
      vpc: network.vpc,
      appSecurityGroup,
      redisAuthToken: secrets.redisAuthToken,
    }));
    this.alerts = new AlertsTopic(this, 'Alerts', params);

    // The identity of the API and worker: what the product needs, and nothing for S3 beyond it.
    this.taskRole = new iam.Role(this, 'TaskRole', {
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
      description: 'S3 Access Manager API and worker (the "default chain" connection)',
    });
    this.taskRolePolicy = new iam.Policy(this, 'TaskRolePolicy', {
      roles: [this.taskRole],
      statements: taskPolicyStatements(params, {
        uploadsBucketArn: this.storage.uploadsBucket.bucketArn,
        logBucketArn: this.storage.logBucket.bucketArn,
        uploadsKeyArn: this.storage.key.keyArn,
        alertsTopicArn: this.alerts.topic.topicArn,
        alertsKeyArn: this.alerts.key.keyArn,
      }),
    });

    this.runtime = new Runtime(this, 'Runtime', params, {
      vpc: network.vpc,
      images: containerImages(this, params),
      settings: appContainerSettings(params, {
        secrets,
        database: data.database,
        databaseSecret: data.databaseSecret,
        redis: data.redis,
      }),
      taskRole: this.taskRole,
      logBucket: this.storage.logBucket,
      appSecurityGroup,
    });
    this.alarms = new Alarms(this, 'Alarms', params, this.alerts.topic, {
      uploadsBucket: this.storage.uploadsBucket,
      apiTargetGroup: this.runtime.apiTargetGroup,
      webTargetGroup: this.runtime.webTargetGroup,
      database: data.database,
    });

    const output = (id: string, value: string, description: string) =>
      new CfnOutput(this, id, { value, description });
    output('AppUrl', params.publicUrl, 'Where people open the app');
    output(
      'LoadBalancerDnsName',
      this.runtime.loadBalancer.loadBalancerDnsName,
      `Point ${params.domainName} here (CNAME or alias)`,
    );
    output(
      'UploadsBucketName',
      this.storage.uploadsBucket.bucketName,
      'Bucket of the first connection',
    );
    output('UploadsKeyArn', this.storage.key.keyArn, 'SSE-KMS key of the first connection');
    output(
      'LogBucketName',
      this.storage.logBucket.bucketName,
      'S3 access logs (s3-access/) and CloudTrail (cloudtrail/)',
    );
    output(
      'AlertsTopicArn',
      this.alerts.topic.topicArn,
      'SNS topic for alarms; add it as the security monitor channel',
    );
    output('ClusterName', this.runtime.cluster.clusterName, 'ECS cluster');
    output(
      'ApiServiceName',
      this.runtime.apiService.serviceName,
      'ECS service of the API (ECS Exec enabled)',
    );
    output('ApiLogGroupName', this.runtime.apiLogGroup.logGroupName, 'API logs');
  }

  /** The zones from the context: CDK would otherwise look them up, which needs AWS credentials. */
  override get availabilityZones(): string[] {
    return this.zones;
  }
}
