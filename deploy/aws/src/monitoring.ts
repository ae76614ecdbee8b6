// Monitoring as the tooling this product replaces had it: alarms on the uploads bucket's 4xx/5xx,
// the API's 5xx and latency, unhealthy targets, and the database's CPU and free storage, all to one
// SNS topic with an email subscription. The security monitor can publish to the same topic.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as rds from 'aws-cdk-lib/aws-rds';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { DeployParams } from './context.js';

const FIVE_MINUTES = Duration.minutes(5);

export class AlertsTopic extends Construct {
  readonly topic: sns.Topic;
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, params: DeployParams) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: `${params.stackName}: encrypts the alerts topic`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Alarms publish as CloudWatch, which needs the key (AWS's own SNS key does not let it).
    this.key.grant(
      new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
      'kms:GenerateDataKey*',
      'kms:Decrypt',
    );
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: `${params.stackName} alerts`,
      masterKey: this.key,
      enforceSSL: true,
    });
    this.topic.addSubscription(new subscriptions.EmailSubscription(params.alertEmail));
  }
}

export interface AlarmTargets {
  uploadsBucket: s3.IBucket;
  apiTargetGroup: elbv2.ApplicationTargetGroup;
  webTargetGroup: elbv2.ApplicationTargetGroup;
  database: rds.DatabaseInstance;
}

export class Alarms extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(
    scope: Construct,
    id: string,
    params: DeployParams,
    topic: sns.ITopic,
    targets: AlarmTargets,
  ) {
    super(scope, id);
    const s3Metric = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/S3',
        metricName,
        // Request metrics of the bucket's "EntireBucket" metrics configuration (storage.ts).
        dimensionsMap: { BucketName: targets.uploadsBucket.bucketName, FilterId: 'EntireBucket' },
        statistic: 'Sum',
        period: FIVE_MINUTES,
      });
    const api = targets.apiTargetGroup.metrics;

    this.add('UploadsBucket4xx', s3Metric('4xxErrors'), params.s3ClientErrorThreshold, {
      description: 'Uploads bucket: many client errors (403 AccessDenied, expired URLs, 404)',
    });
    this.add('UploadsBucket5xx', s3Metric('5xxErrors'), params.s3ServerErrorThreshold, {
      description: 'Uploads bucket: S3 server errors (503 SlowDown, 500)',
    });
    this.add(
      'Api5xx',
      api.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, {
        period: FIVE_MINUTES,
        statistic: 'Sum',
      }),
      params.apiServerErrorThreshold,
      { description: 'API: 5xx answers' },
    );
    this.add(
      'ApiLatency',
      api.targetResponseTime({ period: FIVE_MINUTES, statistic: 'p95' }),
      params.apiLatencyThresholdSeconds,
      { description: 'API: p95 response time above the threshold (seconds)', periods: 3 },
    );
    this.add('ApiUnhealthyHosts', api.unhealthyHostCount({ period: Duration.minutes(1) }), 1, {
      description: 'API: a task fails its /ready health check',
      periods: 3,
    });
    this.add(
      'WebUnhealthyHosts',
      targets.webTargetGroup.metrics.unhealthyHostCount({ period: Duration.minutes(1) }),
      1,
      { description: 'Web: a task fails its health check', periods: 3 },
    );
    this.add(
      'DatabaseCpu',
      targets.database.metricCPUUtilization({ period: FIVE_MINUTES }),
      params.dbCpuThresholdPercent,
      { description: 'Database: CPU high', periods: 3 },
    );
    this.add(
      'DatabaseFreeStorage',
      targets.database.metricFreeStorageSpace({ period: FIVE_MINUTES }),
      params.dbFreeStorageThresholdGiB * 1024 ** 3,
      {
        description: 'Database: free storage low (bytes)',
        comparison: cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
      },
    );

    const action = new actions.SnsAction(topic);
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }

  private add(
    id: string,
    metric: cloudwatch.IMetric,
    threshold: number,
    options: {
      description: string;
      periods?: number;
      comparison?: cloudwatch.ComparisonOperator;
    },
  ): void {
    this.alarms.push(
      new cloudwatch.Alarm(this, id, {
        metric,
        threshold,
        alarmDescription: options.description,
        evaluationPeriods: options.periods ?? 1,
        comparisonOperator:
          options.comparison ?? cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No requests means no error datapoints: that is fine, not an alarm.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}
