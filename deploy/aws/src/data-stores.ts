// Data stores: PostgreSQL on RDS (users, grants, audit, job queue) and Redis on ElastiCache
// (rate-limit counters shared by every API task), both only reachable from the app's tasks.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as rds from 'aws-cdk-lib/aws-rds';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { URL_UNSAFE_CHARACTERS } from './app-secrets.js';
import type { DeployParams } from './context.js';

export const DATABASE_NAME = 's3am';
export const DATABASE_USER = 's3am';
export const REDIS_PORT = 6379;

export interface DataStoresProps {
  vpc: ec2.IVpc;
  /** Security group of the app's tasks: the only one let in. */
  appSecurityGroup: ec2.ISecurityGroup;
  redisAuthToken: secretsmanager.ISecret;
}

export class DataStores extends Construct {
  readonly database: rds.DatabaseInstance;
  readonly databaseSecret: rds.DatabaseSecret;
  readonly redis: elasticache.CfnReplicationGroup;

  constructor(scope: Construct, id: string, params: DeployParams, props: DataStoresProps) {
    super(scope, id);
    const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };

    this.databaseSecret = new rds.DatabaseSecret(this, 'DatabaseSecret', {
      username: DATABASE_USER,
      excludeCharacters: URL_UNSAFE_CHARACTERS,
    });
    const databaseSecurityGroup = new ec2.SecurityGroup(this, 'DatabaseSecurityGroup', {
      vpc: props.vpc,
      description: 'PostgreSQL: reachable from the app tasks only',
      allowAllOutbound: false,
    });
    databaseSecurityGroup.addIngressRule(props.appSecurityGroup, ec2.Port.tcp(5432), 'app tasks');
    this.database = new rds.DatabaseInstance(this, 'Database', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_18_3 }),
      instanceType: new ec2.InstanceType(params.dbInstanceType),
      vpc: props.vpc,
      vpcSubnets: isolated,
      securityGroups: [databaseSecurityGroup],
      credentials: rds.Credentials.fromSecret(this.databaseSecret),
      databaseName: DATABASE_NAME,
      allocatedStorage: params.dbAllocatedStorageGiB,
      maxAllocatedStorage: params.dbMaxAllocatedStorageGiB,
      storageType: rds.StorageType.GP3,
      storageEncrypted: true,
      multiAz: params.dbMultiAz,
      backupRetention: Duration.days(params.dbBackupRetentionDays),
      deletionProtection: params.dbDeletionProtection,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      cloudwatchLogsExports: ['postgresql'],
      autoMinorVersionUpgrade: true,
      parameters: { 'rds.force_ssl': '1' },
    });

    const redisSecurityGroup = new ec2.SecurityGroup(this, 'RedisSecurityGroup', {
      vpc: props.vpc,
      description: 'Redis: reachable from the app tasks only',
      allowAllOutbound: false,
    });
    redisSecurityGroup.addIngressRule(
      props.appSecurityGroup,
      ec2.Port.tcp(REDIS_PORT),
      'app tasks',
    );
    const subnets = new elasticache.CfnSubnetGroup(this, 'RedisSubnets', {
      description: 'S3 Access Manager Redis',
      subnetIds: props.vpc.selectSubnets(isolated).subnetIds,
    });
    const replicated = params.redisReplicas > 0;
    this.redis = new elasticache.CfnReplicationGroup(this, 'Redis', {
      replicationGroupDescription: 'S3 Access Manager rate-limit counters',
      engine: 'redis',
      engineVersion: '7.1',
      cacheNodeType: params.redisNodeType,
      numCacheClusters: 1 + params.redisReplicas,
      automaticFailoverEnabled: replicated,
      multiAzEnabled: replicated,
      port: REDIS_PORT,
      cacheSubnetGroupName: subnets.ref,
      securityGroupIds: [redisSecurityGroup.securityGroupId],
      atRestEncryptionEnabled: true,
      transitEncryptionEnabled: true,
      // A dynamic reference ({{resolve:secretsmanager:…}}), resolved by CloudFormation: never plaintext.
      authToken: props.redisAuthToken.secretValue.unsafeUnwrap(),
    });
  }
}
