import { DBInstanceAlreadyExistsFault, DBInstanceNotFoundFault, InvalidDBInstanceStateFault, RDSServiceException } from '@aws-sdk/client-rds';
import { ParameterNotFound } from '@aws-sdk/client-ssm';
import { ReplicationGroupNotFoundFault } from '@aws-sdk/client-elasticache';
import { ResourceNotFoundException } from '@aws-sdk/client-kinesis';
import { awsErrorCode, classifyAwsError } from './error-kind';

const $metadata = { httpStatusCode: 400 };

describe('classifyAwsError', () => {
  it.each([
    ['RDS throttling', new RDSServiceException({ name: 'Throttling', $fault: 'client', $metadata, message: 'Rate exceeded' }), 'throttling'],
    ['HTTP 429', Object.assign(new Error('slow down'), { name: 'Whatever', $metadata: { httpStatusCode: 429 } }), 'throttling'],
    ['a server error', new RDSServiceException({ name: 'InternalFailure', $fault: 'server', $metadata: { httpStatusCode: 500 }, message: 'oops' }), 'transient'],
    ['a connection timeout', Object.assign(new Error('socket timed out'), { name: 'TimeoutError' }), 'transient'],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'transient'],
    ['an unknown instance', new DBInstanceNotFoundFault({ $metadata, message: 'DBInstance x not found.' }), 'not-found'],
    ['an unknown SSM parameter', new ParameterNotFound({ $metadata, message: 'missing' }), 'not-found'],
    ['an unknown Redis replication group', new ReplicationGroupNotFoundFault({ $metadata, message: 'missing' }), 'not-found'],
    ['an unknown Kinesis stream (Lambda and DynamoDB say it the same way)', new ResourceNotFoundException({ $metadata, message: 'missing' }), 'not-found'],
    ['a busy instance', new InvalidDBInstanceStateFault({ $metadata, message: 'not available' }), 'invalid-state'],
    ['an identifier in use', new DBInstanceAlreadyExistsFault({ $metadata, message: 'exists' }), 'already-exists'],
    ['missing permissions', new RDSServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'no' }), 'fatal'],
  ])('%s is %s', (_name, error, kind) => {
    expect(classifyAwsError(error)).toBe(kind);
  });

  it('names errors by their AWS code, without the SDK class suffix', () => {
    expect(awsErrorCode(new InvalidDBInstanceStateFault({ $metadata, message: 'x' }))).toBe('InvalidDBInstanceState');
    expect(awsErrorCode(undefined)).toBe('UnknownError');
  });
});
