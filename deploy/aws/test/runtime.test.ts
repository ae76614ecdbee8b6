// Services, load balancer and alarms as synthesised: HTTPS with a redirect, API paths to the API
// (health check /ready), the rest to nginx, the worker, and every alarm routed to the topic.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { REPO_ROOT } from '../src/container-settings.js';
import { API_PATHS } from '../src/runtime.js';
import { onlyResource, resourcesOfType, synthesize, type Synthesis } from './synth-kit.js';

let synth: Synthesis;
let topicId: string;

beforeAll(() => {
  synth = synthesize();
  topicId = onlyResource(synth.template, 'AWS::SNS::Topic', 'AlertsTopic').id;
}, 120_000);
afterAll(() => synth.cleanup());

function containerOf(prefix: string) {
  const task = onlyResource(synth.template, 'AWS::ECS::TaskDefinition', prefix);
  return (task.Properties!.ContainerDefinitions as Record<string, unknown>[])[0]!;
}

describe('load balancer', () => {
  it('serves HTTPS with the given certificate and a TLS 1.3 policy, and redirects HTTP', () => {
    synth.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [
        {
          CertificateArn:
            'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab',
        },
      ],
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    });
    synth.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [
        {
          Type: 'redirect',
          RedirectConfig: { Port: '443', Protocol: 'HTTPS', StatusCode: 'HTTP_301' },
        },
      ],
    });
  });

  it('health-checks the API on /ready and the web app on /healthz', () => {
    const api = onlyResource(
      synth.template,
      'AWS::ElasticLoadBalancingV2::TargetGroup',
      'RuntimeApiTargets',
    );
    expect(api.Properties).toMatchObject({
      HealthCheckPath: '/ready',
      Matcher: { HttpCode: '200' },
      Port: 3000,
    });
    const web = onlyResource(
      synth.template,
      'AWS::ElasticLoadBalancingV2::TargetGroup',
      'RuntimeWebTargets',
    );
    expect(web.Properties).toMatchObject({ HealthCheckPath: '/healthz', Port: 8080 });
  });

  it('sends exactly the paths nginx proxies to the API, and the rest to the web app', () => {
    const rules = Object.values(
      resourcesOfType(synth.template, 'AWS::ElasticLoadBalancingV2::ListenerRule'),
    );
    const apiTargets = onlyResource(
      synth.template,
      'AWS::ElasticLoadBalancingV2::TargetGroup',
      'RuntimeApiTargets',
    ).id;
    const patterns = rules.flatMap((rule) => {
      expect(rule.Properties!.Actions).toEqual([
        { Type: 'forward', TargetGroupArn: { Ref: apiTargets } },
      ]);
      return (rule.Properties!.Conditions as { PathPatternConfig: { Values: string[] } }[])[0]!
        .PathPatternConfig.Values;
    });
    expect(patterns.sort()).toEqual([...API_PATHS].sort());

    const nginx = readFileSync(path.join(REPO_ROOT, 'apps/web/nginx.conf'), 'utf8');
    const proxied = new RegExp(/location ~ (\^\/\([^)]*\)) \{\s*proxy_pass/.exec(nginx)![1]!);
    const glob = (pattern: string) =>
      new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
    const toApi = (p: string) => patterns.some((pattern) => glob(pattern).test(p));
    const samples = [
      '/api/uploads',
      '/s3/multipart',
      '/health',
      '/ready',
      '/docs',
      '/docs/static/index.js',
      '/openapi.json',
      '/',
      '/files',
      '/assets/app.js',
      '/healthz',
      '/metrics',
      '/s/abc',
      '/readyz',
    ];
    for (const sample of samples)
      expect([sample, toApi(sample)]).toEqual([sample, proxied.test(sample)]);
  });

  it('writes access logs to the log bucket', () => {
    const logs = onlyResource(synth.template, 'AWS::S3::Bucket', 'StorageLogBucket').id;
    synth.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      // arrayWith keeps order: the attributes as CDK writes them.
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.bucket', Value: { Ref: logs } },
      ]),
    });
  });
});

describe('services', () => {
  it('runs the API from its Dockerfile image through the entrypoint, reachable as api:3000 for nginx', () => {
    expect(containerOf('RuntimeApiTask')).toMatchObject({
      Command: [
        'sh',
        '/app/deploy/aws/container/entrypoint.sh',
        'node',
        '--import',
        'tsx',
        'src/server.ts',
      ],
      PortMappings: [{ ContainerPort: 3000, Name: 'api' }],
    });
    const nginx = readFileSync(path.join(REPO_ROOT, 'apps/web/nginx.conf'), 'utf8');
    expect(nginx).toContain('proxy_pass http://api:3000;');
    synth.template.hasResourceProperties('AWS::ECS::Service', {
      DesiredCount: 2,
      EnableExecuteCommand: true,
      ServiceConnectConfiguration: {
        Enabled: true,
        Services: [{ PortName: 'api', ClientAliases: [{ DnsName: 'api', Port: 3000 }] }],
      },
    });
  });

  it('runs `pnpm worker` (src/worker.ts) from the same image, and leaves the jobs to it', () => {
    const api = containerOf('RuntimeApiTask');
    const worker = containerOf('RuntimeWorkerTask');
    expect(worker.Command).toEqual([
      'sh',
      '/app/deploy/aws/container/entrypoint.sh',
      'node',
      '--import',
      'tsx',
      'src/worker.ts',
    ]);
    expect(worker.Image).toEqual(api.Image);
    expect(worker.Environment).toEqual(api.Environment);
    expect(api.Environment).toContainEqual({ Name: 'RUN_JOBS', Value: 'false' });
    expect(api.Environment).toContainEqual({
      Name: 'PUBLIC_URL',
      Value: 'https://files.example.com',
    });
    expect(api.Environment).toContainEqual({ Name: 'TRUST_PROXY', Value: '1' });
  });

  it('keeps the database encrypted, backed up, private, and single-AZ unless asked', () => {
    const database = onlyResource(synth.template, 'AWS::RDS::DBInstance', 'DataDatabase');
    expect(database.Properties).toMatchObject({
      Engine: 'postgres',
      StorageEncrypted: true,
      BackupRetentionPeriod: 7,
      MultiAZ: false,
      DeletionProtection: true,
      PubliclyAccessible: false,
    });
  });
});

describe('alarms', () => {
  interface AlarmProps {
    MetricName: string;
    Namespace: string;
    AlarmActions: unknown[];
    OKActions: unknown[];
    Dimensions: { Name: string; Value: unknown }[];
  }
  const alarms = () =>
    Object.values(resourcesOfType(synth.template, 'AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties as unknown as AlarmProps,
    );

  it('watch the uploads bucket’s 4xx and 5xx request metrics', () => {
    const bucket = onlyResource(synth.template, 'AWS::S3::Bucket', 'StorageUploadsBucket').id;
    for (const metric of ['4xxErrors', '5xxErrors'])
      expect(alarms()).toContainEqual(
        expect.objectContaining({
          Namespace: 'AWS/S3',
          MetricName: metric,
          Dimensions: [
            { Name: 'BucketName', Value: { Ref: bucket } },
            { Name: 'FilterId', Value: 'EntireBucket' },
          ],
        }),
      );
  });

  it('watch the API’s 5xx and latency, unhealthy targets, and database CPU and storage', () => {
    const watched = alarms().map((a) => `${a.Namespace} ${a.MetricName}`);
    expect(watched).toEqual(
      expect.arrayContaining([
        'AWS/ApplicationELB HTTPCode_Target_5XX_Count',
        'AWS/ApplicationELB TargetResponseTime',
        'AWS/ApplicationELB UnHealthyHostCount',
        'AWS/RDS CPUUtilization',
        'AWS/RDS FreeStorageSpace',
      ]),
    );
  });

  it('all go to the alerts topic (alarm and recovery), which mails the alert address', () => {
    expect(alarms().length).toBeGreaterThanOrEqual(8);
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.OKActions).toEqual([{ Ref: topicId }]);
    }
    synth.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
      TopicArn: { Ref: topicId },
    });
  });

  it('offers the topic to the security monitor: an output, and the tasks may publish to it', () => {
    synth.template.hasOutput('AlertsTopicArn', { Value: { Ref: topicId } });
    const policy = onlyResource(synth.template, 'AWS::IAM::Policy', 'TaskRolePolicy');
    expect(JSON.stringify(policy.Properties)).toContain(
      JSON.stringify({
        Action: 'sns:Publish',
        Effect: 'Allow',
        Resource: { Ref: topicId },
        Sid: 'PublishSecurityAlerts',
      }),
    );
  });
});
