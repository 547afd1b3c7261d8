import { DBInstanceAlreadyExistsFault, DBInstanceNotFoundFault, DBParameterGroupNotFoundFault, InvalidDBInstanceStateFault, InvalidRestoreFault, RDSServiceException } from '@aws-sdk/client-rds';
import { ParameterNotFound } from '@aws-sdk/client-ssm';
import { ResourceNotFoundException as TableNotFound } from '@aws-sdk/client-dynamodb';
import { ReplicationGroupNotFoundFault } from '@aws-sdk/client-elasticache';
import { ResourceNotFoundException as StreamNotFound } from '@aws-sdk/client-kinesis';

const metadata = { httpStatusCode: 400, requestId: 'simulated' };

/** Errors shaped exactly as the SDK delivers them, built from the SDK's own exception classes. */
export const awsErrors = {
  notFound: (id: string) => new DBInstanceNotFoundFault({ message: `DBInstance ${id} not found.`, $metadata: metadata }),
  invalidState: (message: string) => new InvalidDBInstanceStateFault({ message, $metadata: metadata }),
  alreadyExists: (id: string) => new DBInstanceAlreadyExistsFault({ message: `DB instance already exists: ${id}`, $metadata: metadata }),
  parameterGroupNotFound: (name: string) => new DBParameterGroupNotFoundFault({ message: `DBParameterGroup not found: ${name}`, $metadata: metadata }),
  invalidRestore: (message: string) => new InvalidRestoreFault({ message, $metadata: metadata }),
  rds: (name: string, message: string, status = 400) => new RDSServiceException({ name, $fault: status >= 500 ? 'server' : 'client', message, $metadata: { ...metadata, httpStatusCode: status } }),
  throttling: () => new RDSServiceException({ name: 'Throttling', $fault: 'client', message: 'Rate exceeded', $metadata: metadata }),
  ssmNotFound: (name: string) => new ParameterNotFound({ message: `Parameter ${name} not found.`, $metadata: metadata }),
  replicationGroupNotFound: (id: string) => new ReplicationGroupNotFoundFault({ message: `ReplicationGroup ${id} not found.`, $metadata: metadata }),
  kinesisNotFound: (name: string, accountId: string) => new StreamNotFound({ message: `Stream ${name} under account ${accountId} not found.`, $metadata: metadata }),
  tableNotFound: (name: string) => new TableNotFound({ message: `Requested resource not found: Table: ${name} not found`, $metadata: metadata }),
  /** What the SDK's NodeHttpHandler throws when a connection times out (a region that is down). */
  connectionTimeout: (region: string) => Object.assign(new Error(`Socket timed out without establishing a connection to rds.${region}.amazonaws.com`), { name: 'TimeoutError' }),
};
