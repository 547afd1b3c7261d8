import { add, patch } from '../compliant-stack';
import type { AreaCases } from './rule-case';

export const SECRETS_CASES: AreaCases = {
  area: 'Secrets',
  failing: [
    { rule: 'no-plaintext-secrets', title: 'a database password in state', change: (s) => patch(s, 'aws_db_instance.primary', { password: 'hunter2hunter2', password_wo: undefined, password_wo_version: undefined }), address: 'aws_db_instance.primary', message: /^password is set, so the secret lands in the plan and the state; use password_wo with an ephemeral value$/ },
    { rule: 'no-plaintext-secrets', title: 'a secret version with secret_string', change: (s) => patch(s, 'aws_secretsmanager_secret_version.master', { secret_string: '${jsonencode({})}' }), address: 'aws_secretsmanager_secret_version.master', message: /^secret_string is set/ },
    { rule: 'no-plaintext-secrets', title: 'a Redis auth token', change: (s) => patch(s, 'aws_elasticache_replication_group.cache', { auth_token: '${var.token}' }), address: 'aws_elasticache_replication_group.cache', message: /^auth_token is set.*user group/ },
    { rule: 'no-plaintext-secrets', title: 'a Redis user with passwords (nested block)', change: (s) => patch(s, 'aws_elasticache_user.app', { authentication_mode: { type: 'password', passwords: ['a-long-password-1'] } }), address: 'aws_elasticache_user.app', message: /^authentication_mode\.passwords is set/ },
    { rule: 'no-plaintext-secrets', title: 'an Aurora master password', change: (s) => add(s, 'aws_rds_cluster.aurora', { master_password: 'x' }), address: 'aws_rds_cluster.aurora', message: /^master_password is set.*master_password_wo/ },
    { rule: 'no-plaintext-secrets', title: 'a SecureString parameter with value', change: (s) => patch(s, 'aws_ssm_parameter.writer', { type: 'SecureString' }), address: 'aws_ssm_parameter.writer', message: /^value of a SecureString parameter is set.*value_wo$/ },
    { rule: 'no-provider-credentials', title: 'keys in the provider block', change: (s) => { s.provider.aws[0].access_key = 'AKIA0000'; }, address: 'provider.aws', message: /^access_key is set in the provider configuration/ },
    { rule: 'no-provider-credentials', title: 'a session token in an aliased provider', change: (s) => { s.provider.aws.push({ alias: 'west', region: 'us-west-2', token: 'x' }); }, address: 'provider.aws.west', message: /^token is set/ },
    { rule: 'secretsmanager-cmk', title: 'secret with the aws/secretsmanager key', change: (s) => patch(s, 'aws_secretsmanager_secret.master', { kms_key_id: undefined }), address: 'aws_secretsmanager_secret.master', message: /^kms_key_id is not set/ },
    { rule: 'lambda-no-secret-environment', title: 'a database password in an environment variable', change: (s) => patch(s, 'aws_lambda_function.processor', { environment: { variables: { TABLE_NAME: 'xyz-events', DB_PASSWORD: '${var.password}' } } }), address: 'aws_lambda_function.processor', message: /^environment variable DB_PASSWORD says it holds a secret.*pass DB_PASSWORD_SECRET_ARN/ },
    { rule: 'lambda-no-secret-environment', title: 'an API key in an environment variable', change: (s) => patch(s, 'aws_lambda_function.processor', { environment: { variables: { partner_api_key: 'x' } } }), address: 'aws_lambda_function.processor', message: /^environment variable partner_api_key says it holds a secret/ },
    { rule: 'lambda-no-secret-environment', title: 'an auth token in an environment variable', change: (s) => patch(s, 'aws_lambda_function.processor', { environment: { variables: { AUTH_TOKEN: 'x' } } }), address: 'aws_lambda_function.processor', message: /^environment variable AUTH_TOKEN/ },
  ],
  passing: [
    { title: 'a String parameter holding a non-secret value', change: (s) => patch(s, 'aws_ssm_parameter.writer', { value: 'writer.example.internal' }) },
    { title: 'a SecureString parameter written through value_wo', change: (s) => patch(s, 'aws_ssm_parameter.writer', { type: 'SecureString', value: undefined, value_wo: '${ephemeral.x.y}', value_wo_version: 1 }) },
    { title: 'a secret encrypted through the alias of a stack key', change: (s) => patch(s, 'aws_secretsmanager_secret.master', { kms_key_id: '${aws_kms_alias.data.arn}' }) },
    { title: 'environment variables that point to a secret, or only sound like one', change: (s) => patch(s, 'aws_lambda_function.processor', { environment: { variables: { DB_SECRET_ARN: '${aws_secretsmanager_secret.master.arn}', TOKEN_ENDPOINT: 'https://auth.example', PASSWORD_PARAMETER: '/xyz/db', TOKENS_PER_BATCH: '100' } } }) },
  ],
};
