// Requests sent exactly as a URL is written, and responses read with a strict XML parser: what
// other S3 clients (browsers, the AWS CLI, boto3) see, without the AWS SDK smoothing anything over.
import http from 'node:http';
import https from 'node:https';
import { SaxesParser } from 'saxes';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Sends `method url` with the path and query byte for byte as given. fetch() cannot: the WHATWG
 * URL parser resolves `.` and `..` segments, which are ordinary characters of an S3 key.
 */
export function rawRequest(
  url: string,
  method = 'GET',
  body?: Buffer | string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const match = /^(https?):\/\/([^/?#]+)([^?#]*)(\?[^#]*)?$/.exec(url);
  if (!match) throw new Error(`not an absolute http(s) URL: ${url}`);
  const [, scheme, authority, path, query] = match;
  const origin = new URL(`${scheme}://${authority}`);
  const transport = scheme === 'https' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      {
        method,
        hostname: origin.hostname.replace(/^\[|\]$/g, ''),
        port: origin.port || undefined,
        path: `${path || '/'}${query ?? ''}`,
        headers:
          body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('error', reject);
        response.once('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    request.once('error', reject);
    request.end(body);
  });
}

export interface XmlElement {
  name: string;
  text: string;
  children: XmlElement[];
}

export interface XmlDocument {
  declaration: { version?: string; encoding?: string } | undefined;
  root: XmlElement;
}

/**
 * Parses XML as strictly as the parsers of the AWS CLI and boto3 do (expat): a malformed
 * declaration such as `<?xml?>`, an undefined entity or a stray `&` is an error.
 */
export function parseStrictXml(xml: string): XmlDocument {
  const parser = new SaxesParser();
  let declaration: XmlDocument['declaration'];
  let root: XmlElement | undefined;
  const open: XmlElement[] = [];
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('xmldecl', (decl) => {
    declaration = { version: decl.version, encoding: decl.encoding };
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, text: '', children: [] };
    open.at(-1)?.children.push(element);
    root ??= element;
    open.push(element);
  });
  parser.on('text', (text) => {
    const current = open.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.write(xml).close();
  if (failure) throw failure;
  if (!root) throw new Error('no root element');
  return { declaration, root };
}

/** The text of every element named `name`, in document order. */
export function textsOf(element: XmlElement, name: string): string[] {
  const found: string[] = [];
  const visit = (node: XmlElement) => {
    if (node.name === name) found.push(node.text);
    node.children.forEach(visit);
  };
  visit(element);
  return found;
}

/** RFC 5987 `ext-value` encoding, as in `filename*=UTF-8''…`. */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
