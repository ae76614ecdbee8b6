// Context parameters: defaults, what follows from the certificate, and validation messages that
// name the key at fault.
import { DeployContextError, parseDeployContext } from '../src/context.js';
import { REQUIRED_CONTEXT } from './synth-kit.js';

function problemsOf(context: Record<string, unknown>): string {
  try {
    parseDeployContext(context);
  } catch (error) {
    expect(error).toBeInstanceOf(DeployContextError);
    return (error as Error).message;
  }
  throw new Error('expected the context to be refused');
}

describe('deploy context', () => {
  it('fills every optional parameter with its default', () => {
    const params = parseDeployContext(REQUIRED_CONTEXT);
    expect(params).toMatchObject({
      stackName: 'S3AccessManager',
      multipartAbortDays: 7,
      noncurrentVersionExpirationDays: 90,
      logRetentionDays: 365,
      dbMultiAz: false,
      dbBackupRetentionDays: 7,
      imageSource: 'asset',
      apiDesiredCount: 2,
      workerDesiredCount: 1,
      adminEmail: 'ops@example.com',
      publicUrl: 'https://files.example.com',
    });
    expect(params.transitionToInfrequentAccessDays).toBeUndefined();
  });

  it('takes account, region and partition from the certificate, and names two zones there', () => {
    const params = parseDeployContext(REQUIRED_CONTEXT);
    expect(params).toMatchObject({
      account: '123456789012',
      region: 'eu-west-1',
      partition: 'aws',
    });
    expect(params.zones).toEqual(['eu-west-1a', 'eu-west-1b']);
  });

  it('reads numbers and flags given as strings on the command line', () => {
    const params = parseDeployContext({
      ...REQUIRED_CONTEXT,
      multipartAbortDays: '3',
      dbMultiAz: 'true',
      dbDeletionProtection: 'false',
      transitionToInfrequentAccessDays: '30',
    });
    expect(params).toMatchObject({
      multipartAbortDays: 3,
      dbMultiAz: true,
      dbDeletionProtection: false,
      transitionToInfrequentAccessDays: 30,
    });
  });

  it('names every missing required key', () => {
    const message = problemsOf({});
    for (const key of ['domainName', 'certificateArn', 'alertEmail'])
      expect(message).toContain(`${key}:`);
  });

  it('refuses a certificate ARN that is not ACM, a bad e-mail and an upper-case domain', () => {
    const message = problemsOf({
      domainName: 'Files.Example.com',
      certificateArn: 'arn:aws:iam::123456789012:server-certificate/x',
      alertEmail: 'not-an-email',
    });
    expect(message).toMatch(/domainName: must be a lower-case host name/);
    expect(message).toMatch(/certificateArn: must be an ACM certificate ARN/);
    expect(message).toMatch(/alertEmail:/);
  });

  it('refuses impossible sizes, retention periods and lifecycle orders', () => {
    const message = problemsOf({
      ...REQUIRED_CONTEXT,
      apiCpu: 300,
      workerMemoryMiB: 512,
      logRetentionDays: 100,
      multipartAbortDays: 0,
      dbAllocatedStorageGiB: 50,
      dbMaxAllocatedStorageGiB: 40,
      transitionToInfrequentAccessDays: 60,
      transitionToGlacierDays: 70,
    });
    expect(message).toMatch(/apiCpu: must be 256, 512, 1024, 2048 or 4096/);
    expect(message).toMatch(/workerMemoryMiB: is not a Fargate size for 512 CPU units/);
    expect(message).toMatch(/logRetentionDays: must be one of/);
    expect(message).toMatch(/multipartAbortDays:/);
    expect(message).toMatch(/dbMaxAllocatedStorageGiB: must be at least dbAllocatedStorageGiB/);
    expect(message).toMatch(/transitionToGlacierDays: must be at least 30 days after/);
  });

  it('refuses an unknown key (a typo) and lists the known ones', () => {
    expect(problemsOf({ ...REQUIRED_CONTEXT, alertEmails: 'x@example.com' })).toMatch(
      /unknown context key\(s\) alertEmails \(known: domainName, certificateArn, alertEmail,/,
    );
  });

  it('leaves CDK’s own context keys (feature flags, aws:cdk:…) alone', () => {
    expect(() =>
      parseDeployContext({
        ...REQUIRED_CONTEXT,
        '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
        'aws:cdk:enable-path-metadata': true,
      }),
    ).not.toThrow();
  });

  it('requires both image URIs when images come from a registry', () => {
    const message = problemsOf({ ...REQUIRED_CONTEXT, imageSource: 'registry', apiImage: 'x' });
    expect(message).toMatch(/webImage: is required when imageSource is registry/);
    expect(message).not.toMatch(/apiImage:/);
  });

  it('refuses availability zones outside the certificate’s region', () => {
    expect(problemsOf({ ...REQUIRED_CONTEXT, availabilityZones: 'eu-west-1a,us-east-1b' })).toMatch(
      /availabilityZones: us-east-1b not in eu-west-1/,
    );
  });
});
