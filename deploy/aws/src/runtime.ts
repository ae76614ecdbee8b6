// Runtime: ECS Fargate services for the API, the worker (`pnpm worker`) and the web app (nginx),
// behind an HTTPS load balancer that sends API paths to the API and everything else to the web app.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  API_PORT,
  ENTRYPOINT,
  WEB_PORT,
  type ContainerSettings,
  type Images,
} from './container-settings.js';
import type { DeployParams } from './context.js';
import { LOG_PREFIXES } from './storage.js';

/** Paths the API answers (nginx.conf proxies the same ones); the rest is the SPA, /docs included. */
export const API_PATHS = [
  '/api/*',
  '/s3/*',
  '/health',
  '/ready',
  '/openapi.json',
];
export const API_HEALTH_CHECK_PATH = '/ready';

export interface RuntimeProps {
  vpc: ec2.IVpc;
  images: Images;
  settings: ContainerSettings;
  taskRole: iam.IRole;
  logBucket: s3.IBucket;
  /** API and worker tasks: the only ones the database and Redis let in. */
  appSecurityGroup: ec2.SecurityGroup;
}

export class Runtime extends Construct {
  readonly cluster: ecs.Cluster;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly apiTargetGroup: elbv2.ApplicationTargetGroup;
  readonly webTargetGroup: elbv2.ApplicationTargetGroup;
  readonly apiService: ecs.FargateService;
  readonly workerService: ecs.FargateService;
  readonly webService: ecs.FargateService;
  readonly apiLogGroup: logs.LogGroup;

  constructor(
    scope: Construct,
    id: string,
    private readonly params: DeployParams,
    props: RuntimeProps,
  ) {
    super(scope, id);
    const { vpc } = props;
    this.cluster = new ecs.Cluster(this, 'Cluster', {
      vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });
    // Service Connect gives the web tasks the host name `api`, which nginx.conf proxies to.
    this.cluster.addDefaultCloudMapNamespace({
      name: `${params.stackName.toLowerCase()}.internal`,
      useForServiceConnect: true,
    });

    const { appSecurityGroup } = props;
    const webSecurityGroup = new ec2.SecurityGroup(this, 'WebSecurityGroup', {
      vpc,
      description: 'Web (nginx) tasks',
    });
    appSecurityGroup.addIngressRule(webSecurityGroup, ec2.Port.tcp(API_PORT), 'nginx → API');

    this.apiLogGroup = this.logGroup('ApiLogs');
    const apiTask = this.taskDefinition(
      'ApiTask',
      params.apiCpu,
      params.apiMemoryMiB,
      props.taskRole,
    );
    apiTask.addContainer('api', {
      image: props.images.api,
      command: [...ENTRYPOINT, 'node', '--import', 'tsx', 'src/server.ts'],
      ...props.settings,
      portMappings: [{ containerPort: API_PORT, name: 'api', appProtocol: ecs.AppProtocol.http }],
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'api', logGroup: this.apiLogGroup }),
      stopTimeout: Duration.seconds(30),
    });
    this.apiService = this.service(
      'ApiService',
      apiTask,
      params.apiDesiredCount,
      appSecurityGroup,
      {
        enableExecuteCommand: true,
        serviceConnectConfiguration: {
          services: [{ portMappingName: 'api', dnsName: 'api', port: API_PORT }],
        },
      },
    );
    this.apiService
      .autoScaleTaskCount({
        minCapacity: params.apiDesiredCount,
        maxCapacity: params.apiDesiredCount * 4,
      })
      .scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 70 });

    const workerTask = this.taskDefinition(
      'WorkerTask',
      params.workerCpu,
      params.workerMemoryMiB,
      props.taskRole,
    );
    workerTask.addContainer('worker', {
      image: props.images.api,
      command: [...ENTRYPOINT, 'node', '--import', 'tsx', 'src/worker.ts'],
      ...props.settings,
      logging: ecs.LogDrivers.awsLogs({
        streamPrefix: 'worker',
        logGroup: this.logGroup('WorkerLogs'),
      }),
      stopTimeout: Duration.seconds(60),
    });
    this.workerService = this.service(
      'WorkerService',
      workerTask,
      params.workerDesiredCount,
      appSecurityGroup,
      {},
    );

    const webTask = this.taskDefinition('WebTask', params.webCpu, params.webMemoryMiB);
    webTask.addContainer('web', {
      image: props.images.web,
      portMappings: [{ containerPort: WEB_PORT, name: 'web', appProtocol: ecs.AppProtocol.http }],
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web', logGroup: this.logGroup('WebLogs') }),
    });
    this.webService = this.service(
      'WebService',
      webTask,
      params.webDesiredCount,
      webSecurityGroup,
      {
        serviceConnectConfiguration: {},
      },
    );

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: true,
      dropInvalidHeaderFields: true,
      // Live events (SSE) keep a request open; their keep-alives arrive well within this.
      idleTimeout: Duration.seconds(300),
    });
    this.loadBalancer.logAccessLogs(props.logBucket, LOG_PREFIXES.alb);
    this.loadBalancer.addRedirect({ sourcePort: 80, targetPort: 443 });
    const https = this.loadBalancer.addListener('Https', {
      port: 443,
      certificates: [elbv2.ListenerCertificate.fromArn(params.certificateArn)],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      open: true,
    });
    this.webTargetGroup = new elbv2.ApplicationTargetGroup(this, 'WebTargets', {
      vpc,
      port: WEB_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.webService],
      healthCheck: { path: '/healthz', healthyHttpCodes: '200' },
      deregistrationDelay: Duration.seconds(15),
    });
    this.apiTargetGroup = new elbv2.ApplicationTargetGroup(this, 'ApiTargets', {
      vpc,
      port: API_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.apiService],
      // /ready: database reachable and migrations applied, so a task serves only when it can.
      healthCheck: {
        path: API_HEALTH_CHECK_PATH,
        healthyHttpCodes: '200',
        interval: Duration.seconds(15),
      },
      deregistrationDelay: Duration.seconds(30),
    });
    https.addTargetGroups('Web', { targetGroups: [this.webTargetGroup] });
    // A listener rule takes at most five path patterns.
    for (let start = 0, priority = 10; start < API_PATHS.length; start += 5, priority += 10)
      https.addTargetGroups(`Api${priority}`, {
        priority,
        conditions: [elbv2.ListenerCondition.pathPatterns(API_PATHS.slice(start, start + 5))],
        targetGroups: [this.apiTargetGroup],
      });
  }

  private logGroup(id: string): logs.LogGroup {
    return new logs.LogGroup(this, id, {
      retention: this.params.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  private taskDefinition(id: string, cpu: number, memoryLimitMiB: number, taskRole?: iam.IRole) {
    return new ecs.FargateTaskDefinition(this, id, {
      cpu,
      memoryLimitMiB,
      ...(taskRole ? { taskRole } : {}),
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.X86_64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
    });
  }

  private service(
    id: string,
    taskDefinition: ecs.FargateTaskDefinition,
    desiredCount: number,
    securityGroup: ec2.ISecurityGroup,
    extra: Partial<ecs.FargateServiceProps>,
  ): ecs.FargateService {
    return new ecs.FargateService(this, id, {
      cluster: this.cluster,
      taskDefinition,
      desiredCount,
      securityGroups: [securityGroup],
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      circuitBreaker: { enable: true, rollback: true },
      minHealthyPercent: 100,
      ...extra,
    });
  }
}
