// S3's naming rules for general purpose buckets, applied wherever a bucket name is accepted, so a
// name S3 would refuse (or one that smuggles a query string, like `a?x=y`) is a clear 400 before
// any URL is built or signed. Rules: docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
import { z } from 'zod';

const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** Why `name` is not a valid bucket name, or null when it is. */
export function bucketNameProblem(name: string): string | null {
  if (name.length < 3 || name.length > 63) return 'must be 3 to 63 characters long';
  if (!/^[a-z0-9.-]+$/.test(name))
    return 'may contain only lowercase letters, digits, dots and hyphens';
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name))
    return 'must begin and end with a letter or digit';
  if (name.includes('..')) return 'must not contain two adjacent dots';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return 'must not look like an IP address';
  if (RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix)))
    return `must not start with ${RESERVED_PREFIXES.join(', ')}`;
  if (RESERVED_SUFFIXES.some((suffix) => name.endsWith(suffix)))
    return `must not end with ${RESERVED_SUFFIXES.join(', ')}`;
  return null;
}

export const BucketName = z
  .string()
  .superRefine((name, context) => {
    const problem = bucketNameProblem(name);
    if (problem)
      context.addIssue({ code: 'custom', message: `Not a valid S3 bucket name: ${problem}` });
  })
  .describe('An S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)');
