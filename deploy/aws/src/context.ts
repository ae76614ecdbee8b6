// The deployment's parameters: CDK context (`-c key=value` or cdk.json), validated in one place
// so a typo or an impossible size stops `cdk synth` with the key's name instead of a failed deploy.
import { z } from 'zod';

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

/** Fargate's CPU units and the memory (MiB) each allows. */
const FARGATE_MEMORY: Record<number, (memory: number) => boolean> = {
  256: (m) => [512, 1024, 2048].includes(m),
  512: (m) => m >= 1024 && m <= 4096 && m % 1024 === 0,
  1024: (m) => m >= 2048 && m <= 8192 && m % 1024 === 0,
  2048: (m) => m >= 4096 && m <= 16384 && m % 1024 === 0,
  4096: (m) => m >= 8192 && m <= 30720 && m % 1024 === 0,
};

// Context from the command line is always a string; from cdk.json it may be a number or boolean.
const flag = z.union([
  z.boolean(),
  z.enum(['true', 'false']).transform((value) => value === 'true'),
]);
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const days = (min = 1) => int(min, 3650);

const CERTIFICATE_ARN =
  /^arn:(aws[a-z-]*):acm:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):certificate\/[\w-]+$/;

export const DeployContext = z
  .object({
    // Required: where people open the app, its TLS certificate, who hears about alarms.
    domainName: z
      .string()
      .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
        message: 'must be a lower-case host name such as files.example.com',
      }),
    certificateArn: z.string().regex(CERTIFICATE_ARN, {
      message: 'must be an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)',
    }),
    alertEmail: z.email(),

    stackName: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]{0,100}$/)
      .default('S3AccessManager'),
    /** Two or three AZs of the certificate's region; default `<region>a,<region>b`. */
    availabilityZones: z
      .string()
      .regex(/^[a-z0-9-]+(,[a-z0-9-]+){1,2}$/, {
        message: 'must list 2 or 3 zones, comma-separated',
      })
      .optional(),
    natGateways: int(1, 3).default(1),
    adminEmail: z.email().optional(),

    // Images: built from the repo's Dockerfiles at deploy time, or pulled from a registry.
    imageSource: z.enum(['asset', 'registry']).default('asset'),
    apiImage: z.string().min(1).optional(),
    webImage: z.string().min(1).optional(),

    // Uploads bucket lifecycle.
    multipartAbortDays: days().default(7),
    transitionToInfrequentAccessDays: days(30).optional(),
    transitionToGlacierDays: days(30).optional(),
    noncurrentVersionExpirationDays: days().default(90),
    logRetentionDays: z.coerce
      .number()
      .refine((value) => (LOG_RETENTION_DAYS as readonly number[]).includes(value), {
        message: `must be one of ${LOG_RETENTION_DAYS.join(', ')}`,
      })
      .default(365),

    // Database and cache.
    dbInstanceType: z
      .string()
      .regex(/^[a-z][a-z0-9]*\.[a-z0-9]+$/, { message: 'must look like t4g.small' })
      .default('t4g.small'),
    dbAllocatedStorageGiB: int(20, 65536).default(20),
    dbMaxAllocatedStorageGiB: int(20, 65536).default(100),
    dbMultiAz: flag.default(false),
    dbBackupRetentionDays: int(1, 35).default(7),
    dbDeletionProtection: flag.default(true),
    redisNodeType: z
      .string()
      .regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, { message: 'must look like cache.t4g.micro' })
      .default('cache.t4g.micro'),
    redisReplicas: int(0, 5).default(0),

    // Services.
    apiCpu: z.coerce.number().default(512),
    apiMemoryMiB: z.coerce.number().default(1024),
    apiDesiredCount: int(1, 50).default(2),
    workerCpu: z.coerce.number().default(512),
    workerMemoryMiB: z.coerce.number().default(1024),
    workerDesiredCount: int(0, 50).default(1),
    webCpu: z.coerce.number().default(256),
    webMemoryMiB: z.coerce.number().default(512),
    webDesiredCount: int(1, 50).default(2),

    // Identity: per-connection roles the API may assume (connection auth mode "assume role").
    connectionRoleNamePrefix: z
      .string()
      .regex(/^[\w+=,.@-]{1,60}$/)
      .default('s3am-connection-'),

    // Alarm thresholds (per 5 minutes unless said otherwise).
    s3ClientErrorThreshold: int(1, 1_000_000).default(100),
    s3ServerErrorThreshold: int(1, 1_000_000).default(5),
    apiServerErrorThreshold: int(1, 1_000_000).default(5),
    apiLatencyThresholdSeconds: z.coerce.number().min(0.1).max(60).default(2),
    dbCpuThresholdPercent: int(1, 100).default(80),
    dbFreeStorageThresholdGiB: int(1, 1000).default(2),
  })
  .strict()
  .superRefine((value, ctx) => {
    for (const service of ['api', 'worker', 'web'] as const) {
      const cpu = value[`${service}Cpu`];
      const memory = value[`${service}MemoryMiB`];
      const fits = FARGATE_MEMORY[cpu];
      if (!fits)
        ctx.addIssue({
          code: 'custom',
          path: [`${service}Cpu`],
          message: 'must be 256, 512, 1024, 2048 or 4096',
        });
      else if (!fits(memory))
        ctx.addIssue({
          code: 'custom',
          path: [`${service}MemoryMiB`],
          message: `is not a Fargate size for ${cpu} CPU units`,
        });
    }
    if (value.dbMaxAllocatedStorageGiB < value.dbAllocatedStorageGiB)
      ctx.addIssue({
        code: 'custom',
        path: ['dbMaxAllocatedStorageGiB'],
        message: 'must be at least dbAllocatedStorageGiB',
      });
    const ia = value.transitionToInfrequentAccessDays;
    const glacier = value.transitionToGlacierDays;
    if (ia !== undefined && glacier !== undefined && glacier < ia + 30)
      ctx.addIssue({
        code: 'custom',
        path: ['transitionToGlacierDays'],
        message: 'must be at least 30 days after transitionToInfrequentAccessDays',
      });
    if (value.imageSource === 'registry')
      for (const key of ['apiImage', 'webImage'] as const)
        if (!value[key])
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'is required when imageSource is registry',
          });
  });
export type DeployContext = z.output<typeof DeployContext>;

/** Validated parameters plus what follows from them (account and region come from the certificate). */
export interface DeployParams extends DeployContext {
  account: string;
  region: string;
  partition: string;
  zones: string[];
  publicUrl: string;
  adminEmail: string;
}

export const CONTEXT_KEYS = Object.keys(DeployContext.shape) as (keyof DeployContext)[];

export class DeployContextError extends Error {}

/** Context keys CDK itself uses (feature flags, `aws:cdk:…` settings): never ours to check. */
function isCdkKey(key: string): boolean {
  return key.startsWith('@') || key.includes(':') || key.startsWith('cdk');
}

export function parseDeployContext(context: Record<string, unknown>): DeployParams {
  const ours = Object.fromEntries(
    Object.entries(context).filter(([key, value]) => !isCdkKey(key) && value !== undefined),
  );
  const parsed = DeployContext.safeParse(ours);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown context key(s) ${issue.keys.join(', ')} (known: ${CONTEXT_KEYS.join(', ')})`
        : `${issue.path.join('.') || '(context)'}: ${issue.message}`,
    );
    throw new DeployContextError(`Invalid CDK context:\n  - ${problems.join('\n  - ')}`);
  }
  const value = parsed.data;
  // The ALB must live in the certificate's region and account, so the stack is pinned there.
  const [, partition, region, account] = CERTIFICATE_ARN.exec(value.certificateArn)!;
  const zones = (value.availabilityZones ?? `${region}a,${region}b`).split(',');
  const foreign = zones.filter((zone) => !zone.startsWith(region!));
  if (foreign.length > 0)
    throw new DeployContextError(
      `Invalid CDK context:\n  - availabilityZones: ${foreign.join(', ')} not in ${region} (the certificate's region)`,
    );
  return {
    ...value,
    partition: partition!,
    region: region!,
    account: account!,
    zones,
    publicUrl: `https://${value.domainName}`,
    adminEmail: value.adminEmail ?? value.alertEmail,
  };
}
