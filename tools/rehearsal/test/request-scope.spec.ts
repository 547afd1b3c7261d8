import { requestScope } from '../src/request-scope';

describe('requestScope', () => {
  it('reads the region and service from a SigV4 Authorization header', () => {
    const authorization = 'AWS4-HMAC-SHA256 Credential=rehearsal/20261206/us-east-2/rds/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc';
    expect(requestScope(authorization, '/')).toEqual({ region: 'us-east-2', service: 'rds' });
  });

  it('reads them from the query string of a presigned URL, encoded or not', () => {
    expect(requestScope(undefined, '/bucket/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=rehearsal%2F20261206%2Fus-west-2%2Fs3%2Faws4_request&X-Amz-Date=x')).toEqual({
      region: 'us-west-2',
      service: 's3',
    });
    expect(requestScope(undefined, '/?X-Amz-Credential=rehearsal/20261206/us-east-1/sts/aws4_request')).toEqual({ region: 'us-east-1', service: 'sts' });
  });

  it('gives nothing for an unsigned request', () => {
    expect(requestScope(undefined, '/moto-api/reset')).toBeUndefined();
    expect(requestScope('Bearer token', '/')).toBeUndefined();
  });
});
