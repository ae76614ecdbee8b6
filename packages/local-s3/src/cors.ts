// The bucket CORS rule the app needs: browsers PUT parts and POST forms straight to S3 and must
// be able to read the ETag header (without ExposeHeader ETag, uploads hang at 100 %).
const METHODS = ['GET', 'PUT', 'POST', 'HEAD', 'DELETE'];
const EXPOSED_HEADERS = [
  'ETag',
  'x-amz-version-id',
  'x-amz-request-id',
  'x-amz-server-side-encryption',
];

function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export interface CorsRule {
  AllowedOrigins: string[];
  AllowedMethods: string[];
  AllowedHeaders: string[];
  ExposeHeaders: string[];
  MaxAgeSeconds: number;
}

/** The rule as the S3 API (PutBucketCors) takes it. */
export function appCorsRule(origins: string[]): CorsRule {
  return {
    AllowedOrigins: origins,
    AllowedMethods: METHODS,
    AllowedHeaders: ['*'],
    ExposeHeaders: EXPOSED_HEADERS,
    MaxAgeSeconds: 3600,
  };
}

/** The same rule as CORS configuration XML. */
export function appCorsXml(origins: string[]): string {
  const rule = appCorsRule(origins);
  const tags = (name: string, values: string[]) =>
    values.map((value) => `<${name}>${escapeXml(value)}</${name}>`).join('');
  return (
    '<CORSConfiguration><CORSRule>' +
    tags('AllowedOrigin', rule.AllowedOrigins) +
    tags('AllowedMethod', rule.AllowedMethods) +
    tags('AllowedHeader', rule.AllowedHeaders) +
    tags('ExposeHeader', rule.ExposeHeaders) +
    `<MaxAgeSeconds>${rule.MaxAgeSeconds}</MaxAgeSeconds>` +
    '</CORSRule></CORSConfiguration>'
  );
}
