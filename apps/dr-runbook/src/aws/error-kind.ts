/** How the runbook treats an error from AWS. */
export type AwsErrorKind = 'throttling' | 'transient' | 'not-found' | 'invalid-state' | 'already-exists' | 'fatal';

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'SlowDown',
  'PriorRequestNotComplete',
]);
const TRANSIENT = new Set(['InternalFailure', 'InternalError', 'ServiceUnavailable', 'RequestTimeout', 'RequestTimeoutException', 'TimeoutError']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNABORTED']);
const NOT_FOUND = new Set([
  'DBInstanceNotFound',
  'ParameterNotFound',
  'DBParameterGroupNotFound',
  'DBInstanceAutomatedBackupNotFound',
  'ReplicationGroupNotFound',
  // Kinesis, Lambda and DynamoDB: the stream, function or table does not exist.
  'ResourceNotFoundException',
]);
const INVALID_STATE = new Set(['InvalidDBInstanceState', 'InvalidDBParameterGroupState']);
const ALREADY_EXISTS = new Set(['DBInstanceAlreadyExists']);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/** The AWS error code without the SDK's `Fault`/`Exception` class suffix. */
export function awsErrorCode(error: unknown): string {
  const shape = (error ?? {}) as ErrorShape;
  const raw = [shape.Code, shape.code, shape.name].find((value): value is string => typeof value === 'string' && value.length > 0) ?? 'UnknownError';
  return raw.endsWith('Fault') ? raw.slice(0, -'Fault'.length) : raw;
}

export function classifyAwsError(error: unknown): AwsErrorKind {
  const shape = (error ?? {}) as ErrorShape;
  const code = awsErrorCode(error);
  if (THROTTLING.has(code) || shape.$metadata?.httpStatusCode === 429) return 'throttling';
  if (NOT_FOUND.has(code)) return 'not-found';
  if (INVALID_STATE.has(code)) return 'invalid-state';
  if (ALREADY_EXISTS.has(code)) return 'already-exists';
  if (TRANSIENT.has(code) || (typeof shape.code === 'string' && NETWORK_CODES.has(shape.code))) return 'transient';
  if (shape.$retryable !== undefined) return 'transient';
  const status = shape.$metadata?.httpStatusCode;
  if (typeof status === 'number' && status >= 500) return 'transient';
  return 'fatal';
}

export function isRetryable(kind: AwsErrorKind): boolean {
  return kind === 'throttling' || kind === 'transient';
}
