/** The region and service a signed AWS request is for, read from its SigV4 credential scope. */
export interface RequestScope {
  readonly region: string;
  readonly service: string;
}

const CREDENTIAL_SCOPE = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;
const QUERY_SCOPE = /X-Amz-Credential=[^&]*?(?:%2F|\/)\d{8}(?:%2F|\/)([a-z0-9-]+)(?:%2F|\/)([a-z0-9-]+)(?:%2F|\/)aws4_request/i;

/** From the Authorization header, or the query string of a presigned URL; undefined for an unsigned request. */
export function requestScope(authorization: string | undefined, url: string | undefined): RequestScope | undefined {
  const match = (authorization && CREDENTIAL_SCOPE.exec(authorization)) || (url && QUERY_SCOPE.exec(url));
  return match ? { region: match[1], service: match[2] } : undefined;
}
