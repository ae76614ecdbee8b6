// What the API and worker containers get: images (built from the repo's Dockerfiles, or pulled),
// plain settings as environment variables, and every secret as an ECS secret from Secrets Manager.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IgnoreMode } from 'aws-cdk-lib';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as elasticache from 'aws-cdk-lib/aws-elasticache';
import type * as rds from 'aws-cdk-lib/aws-rds';
import type { Construct } from 'constructs';
import type { AppSecrets } from './app-secrets.js';
import type { DeployParams } from './context.js';
import { DATABASE_NAME, DATABASE_USER } from './data-stores.js';

/** Repository root: the Docker build context of both Dockerfiles. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the API image (WORKDIR /app, `COPY . .`) holds container/entrypoint.sh. */
export const ENTRYPOINT = ['sh', '/app/deploy/aws/container/entrypoint.sh'];

export const API_PORT = 3000;
export const WEB_PORT = 8080;

// Never part of an image: local secrets and data, and CDK's own output (it would nest forever).
const ASSET_EXCLUDES = ['.env', '**/.env', 'deploy/aws/cdk.out', '**/cdk.out'];

const ECR_IMAGE =
  /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::([\w.-]+))?$/;

function registryImage(
  scope: Construct,
  id: string,
  uri: string,
  params: DeployParams,
): ecs.ContainerImage {
  // An ECR image of this account and region: reference the repository, so the task may pull it.
  const ecrMatch = ECR_IMAGE.exec(uri);
  if (ecrMatch && ecrMatch[1] === params.account && ecrMatch[2] === params.region) {
    const repository = ecr.Repository.fromRepositoryName(scope, id, ecrMatch[3]!);
    return ecs.ContainerImage.fromEcrRepository(repository, ecrMatch[4] ?? 'latest');
  }
  return ecs.ContainerImage.fromRegistry(uri);
}

export interface Images {
  api: ecs.ContainerImage;
  web: ecs.ContainerImage;
}

export function containerImages(scope: Construct, params: DeployParams): Images {
  if (params.imageSource === 'registry')
    return {
      api: registryImage(scope, 'ApiRepository', params.apiImage!, params),
      web: registryImage(scope, 'WebRepository', params.webImage!, params),
    };
  // Assets are only staged at synth (no Docker needed); `cdk deploy` builds and pushes them.
  const asset = (file: string) =>
    ecs.ContainerImage.fromAsset(REPO_ROOT, {
      file,
      exclude: ASSET_EXCLUDES,
      ignoreMode: IgnoreMode.DOCKER,
      platform: Platform.LINUX_AMD64,
    });
  return { api: asset('apps/api/Dockerfile'), web: asset('apps/web/Dockerfile') };
}

export interface AppEnvironmentRefs {
  secrets: AppSecrets;
  database: rds.DatabaseInstance;
  databaseSecret: rds.DatabaseSecret;
  redis: elasticache.CfnReplicationGroup;
}

export interface ContainerSettings {
  environment: Record<string, string>;
  secrets: Record<string, ecs.Secret>;
}

/** Settings of the API and the worker (one image, one configuration, as in docker-compose.yml). */
export function appContainerSettings(
  params: DeployParams,
  refs: AppEnvironmentRefs,
): ContainerSettings {
  return {
    environment: {
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: String(API_PORT),
      PUBLIC_URL: params.publicUrl,
      // One proxy in front of the API: the load balancer.
      TRUST_PROXY: '1',
      LOCAL_S3: 'off',
      LOG_LEVEL: 'info',
      ADMIN_EMAIL: params.adminEmail,
      // The worker service runs the job queue; with no worker the API runs it itself.
      RUN_JOBS: params.workerDesiredCount > 0 ? 'false' : 'true',
      // The sweeper aborts abandoned uploads no later than the bucket's lifecycle rule would.
      UPLOAD_STALE_AFTER_HOURS: String(Math.min(72, params.multipartAbortDays * 24)),
      // Pieces entrypoint.sh composes into DATABASE_URL and REDIS_URL.
      DB_HOST: refs.database.dbInstanceEndpointAddress,
      DB_PORT: refs.database.dbInstanceEndpointPort,
      DB_NAME: DATABASE_NAME,
      DB_USERNAME: DATABASE_USER,
      REDIS_HOST: refs.redis.attrPrimaryEndPointAddress,
      REDIS_PORT: refs.redis.attrPrimaryEndPointPort,
    },
    secrets: {
      JWT_SECRET: ecs.Secret.fromSecretsManager(refs.secrets.jwtSecret),
      MASTER_KEY_ID: ecs.Secret.fromSecretsManager(refs.secrets.masterKey, 'id'),
      MASTER_KEY: ecs.Secret.fromSecretsManager(refs.secrets.masterKey, 'key'),
      DB_PASSWORD: ecs.Secret.fromSecretsManager(refs.databaseSecret, 'password'),
      REDIS_AUTH_TOKEN: ecs.Secret.fromSecretsManager(refs.secrets.redisAuthToken),
    },
  };
}
