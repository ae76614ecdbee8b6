// cdk-nag AwsSolutions findings this design accepts, each acknowledged on the one construct it
// concerns, with the reason. Anything not listed here fails synthesis and the nag test.
import { Stack, Validations, type CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { DeployParams } from './context.js';
import type { S3amStack } from './s3am-stack.js';
import { LOG_PREFIXES } from './storage.js';

function accept(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-${id}`, reason });
}

/** The `<LogicalId.Arn>` form cdk-nag uses for a resource's ARN in IAM5 finding ids. */
function arnRef(scope: IConstruct): string {
  return `<${Stack.of(scope).getLogicalId(scope.node.defaultChild as CfnResource)}.Arn>`;
}

export function suppressAcceptedFindings(stack: S3amStack, params: DeployParams): void {
  const { secrets, data, runtime, storage } = stack;

  accept(
    secrets.jwtSecret,
    'SMG4',
    'Rotating JWT_SECRET signs every user out at once; it is rotated by hand (README: Deploy to AWS).',
  );
  accept(
    secrets.masterKey,
    'SMG4',
    'A new master key must be added in front of the old one and stored secrets re-encrypted (pnpm admin:rotate-key); Secrets Manager cannot do that.',
  );
  accept(
    secrets.redisAuthToken,
    'SMG4',
    'Guards rate-limit counters only; rotating it needs an ElastiCache auth-token update and a task restart together.',
  );
  accept(
    data.databaseSecret,
    'SMG4',
    'Tasks read the password at start; automatic single-user rotation would break running tasks until they restart.',
  );

  accept(
    data.database,
    'RDS11',
    'Reachable only from the app tasks’ security group inside isolated subnets; a non-default port adds nothing there.',
  );
  accept(
    data.redis,
    'AEC5',
    'Reachable only from the app tasks’ security group inside isolated subnets; a non-default port adds nothing there.',
  );
  if (!params.dbMultiAz)
    accept(
      data.database,
      'RDS3',
      'Multi-AZ doubles the database cost; it is the dbMultiAz context option (README: Deploy to AWS), off by default.',
    );
  if (params.redisReplicas === 0)
    accept(
      data.redis,
      'AEC4',
      'Redis only holds rate-limit counters (a failover resets them); redisReplicas ≥ 1 turns on Multi-AZ.',
    );

  accept(
    runtime.loadBalancer.connections.securityGroups[0]!,
    'EC23',
    'The public entry point: HTTPS on 443, and 80 only to redirect to HTTPS.',
  );
  for (const task of [runtime.apiService, runtime.workerService].map((s) => s.taskDefinition)) {
    accept(
      task,
      'ECS2',
      'Plain settings only (host names, ports, flags); every secret is an ECS secret from Secrets Manager, as the tests prove.',
    );
  }
  for (const task of [runtime.apiService, runtime.workerService, runtime.webService].map(
    (s) => s.taskDefinition,
  ))
    accept(
      task.obtainExecutionRole(),
      'IAM5[Resource::*]',
      'ecr:GetAuthorizationToken has no resource to scope to (CDK-generated for image pulls).',
    );
  accept(
    stack.taskRole,
    'IAM5[Resource::*]',
    'ECS Exec (first admin, maintenance): ssmmessages:* and the session log calls CDK adds support no resource-level scoping.',
  );

  const policy = stack.taskRolePolicy;
  accept(
    policy,
    `IAM5[Resource::${arnRef(storage.uploadsBucket)}/*]`,
    'Objects of the uploads bucket, exactly as the connection Setup help scopes a connection that lists the whole bucket; per-user prefixes are enforced by the API’s grants.',
  );
  for (const prefix of [LOG_PREFIXES.s3Access, `${LOG_PREFIXES.cloudTrail}/`])
    accept(
      policy,
      `IAM5[Resource::${arnRef(storage.logBucket)}/${prefix}*]`,
      'Read-only: the log files the security monitor reads under this prefix, nothing else in the log bucket.',
    );
  accept(
    policy,
    `IAM5[Resource::arn:${params.partition}:iam::${params.account}:role/${params.connectionRoleNamePrefix}*]`,
    'Per-connection roles are created by admins later; only role names with the agreed prefix can be assumed.',
  );
}
