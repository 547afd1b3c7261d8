import { AwsCallError } from './gateway';

/** The SDK found no credentials anywhere in its chain (environment, profile, SSO, instance role). */
const NO_CREDENTIALS = new Set(['CredentialsProviderError', 'ProviderError', 'TokenProviderError']);
/** AWS answered, but refused who is asking. */
const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredToken',
  'ExpiredTokenException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'AuthFailure',
]);

/**
 * Why a read-only call could not tell anything about the platform: no credentials, access denied,
 * a region or endpoint that does not answer. None of these says the platform is unhealthy.
 */
export function cannotCheckReason(error: unknown): string {
  if (!(error instanceof AwsCallError)) return error instanceof Error ? error.message : String(error);
  const call = `${error.service}:${error.operation}${error.attempts > 1 ? `, ${error.attempts} attempts` : ''}`;
  if (NO_CREDENTIALS.has(error.code)) return `no AWS credentials (${call}: ${error.detail})`;
  if (ACCESS_DENIED.has(error.code)) return `access denied (${call}: ${error.code}: ${error.detail})`;
  if (error.kind === 'throttling') return `throttled (${call}: ${error.code})`;
  if (error.kind === 'transient') return `did not answer (${call}: ${error.code}: ${error.detail})`;
  return `${error.code} (${call}: ${error.detail})`;
}
