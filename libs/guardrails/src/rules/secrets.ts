import { customerManagedKeyProblem } from '../engine/customer-managed-key';
import { METADATA_KEY, type ResourceConfig } from '../engine/terraform-json';
import { resourceRule, type Rule } from '../engine/rule';
import { block } from '../engine/values';

/**
 * Arguments whose value Terraform stores in plan and state. Where the AWS provider has a write-only
 * twin (password_wo, master_password_wo, secret_string_wo, value_wo, admin_user_password_wo) it must
 * be used instead; where it has none (auth_token, passwords) the design uses IAM authentication.
 */
const SECRET_ARGUMENTS: Record<string, string> = {
  password: 'use password_wo with an ephemeral value',
  master_password: 'use master_password_wo with an ephemeral value',
  master_user_password: 'keep the credential out of the configuration (IAM or a managed secret)',
  admin_user_password: 'use admin_user_password_wo with an ephemeral value',
  secret_string: 'use secret_string_wo with an ephemeral value',
  secret_binary: 'use secret_string_wo with an ephemeral value',
  auth_token: 'authenticate through an ElastiCache user group with IAM users instead',
  passwords: 'use IAM authentication (authentication_mode type "iam") instead',
};
const SECURE_STRING_VALUE_ARGUMENTS = ['value', 'insecure_value'];

function secretArgumentsIn(config: unknown, path: string[] = []): Array<{ path: string; advice: string }> {
  if (Array.isArray(config)) return config.flatMap((item, i) => secretArgumentsIn(item, [...path, String(i)]));
  if (config === null || typeof config !== 'object') return [];
  return Object.entries(config as ResourceConfig).flatMap(([key, value]) => {
    if (key === METADATA_KEY) return [];
    const here = [...path, key];
    const advice = SECRET_ARGUMENTS[key];
    const found = advice !== undefined && value !== undefined && value !== null ? [{ path: here.join('.'), advice }] : [];
    return [...found, ...secretArgumentsIn(value, here)];
  });
}

export const noPlaintextSecrets = resourceRule({
  id: 'no-plaintext-secrets',
  description: 'No resource sets a secret through an argument that is kept in the plan and state (password, master_password, auth_token, secret_string, passwords, SecureString value, ...); write-only arguments only.',
  resourceTypes: ['*'],
  check: (resource) => {
    const found = secretArgumentsIn(resource.config).map(({ path, advice }) => `${path} is set, so the secret lands in the plan and the state; ${advice}`);
    if (resource.type === 'aws_ssm_parameter' && resource.config.type === 'SecureString') {
      for (const argument of SECURE_STRING_VALUE_ARGUMENTS) {
        if (resource.config[argument] !== undefined) found.push(`${argument} of a SecureString parameter is set, so it lands in the plan and the state; use value_wo`);
      }
    }
    return found;
  },
});

const PROVIDER_CREDENTIALS = ['access_key', 'secret_key', 'token'];

export const noProviderCredentials: Rule = {
  id: 'no-provider-credentials',
  description: 'The AWS provider configuration holds no access key, secret key or session token.',
  checkov: ['CKV_AWS_41'],
  resourceTypes: ['provider.aws'],
  check: (stack) =>
    stack.providers
      .filter((provider) => provider.address === 'provider.aws' || provider.address.startsWith('provider.aws.'))
      .flatMap((provider) =>
        PROVIDER_CREDENTIALS.filter((argument) => provider.config[argument] !== undefined).map((argument) => ({
          address: provider.address,
          message: `${argument} is set in the provider configuration; use the environment, a profile or a role`,
        })),
      ),
};

export const secretsManagerSecretWithCmk = resourceRule({
  id: 'secretsmanager-cmk',
  description: 'Secrets Manager secrets are encrypted with a customer-managed KMS key of the stack.',
  checkov: ['CKV_AWS_149'],
  resourceTypes: ['aws_secretsmanager_secret'],
  check: ({ config }, stack) => [customerManagedKeyProblem('kms_key_id', config.kms_key_id, stack, 'arn-id-or-alias')],
});

/** Words in an environment variable's name that say its value is a secret. */
const SECRET_NAME_WORDS = /(^|_)(PASSWORD|PASSWD|PWD|SECRET|TOKEN|CREDENTIALS?|APIKEY)(_|$)|(^|_)(API|PRIVATE|ACCESS|SECRET)_KEY(_|$)/;
/** A last word that says the value only points to the secret (`DB_SECRET_ARN`), which is the right way. */
const POINTER_WORDS = /_(ARN|NAME|ID|PARAMETER|PARAM|PATH|URL|ENDPOINT)$/;

export const lambdaNoSecretEnvironment = resourceRule({
  id: 'lambda-no-secret-environment',
  description: 'No Lambda environment variable is named as holding a secret (PASSWORD, SECRET, TOKEN, API_KEY, ...); pass the secret\'s ARN or name and read it at run time.',
  checkov: ['CKV_AWS_45'],
  resourceTypes: ['aws_lambda_function'],
  check: ({ config }) => {
    const variables = block(config.environment)?.variables;
    const names = variables !== null && typeof variables === 'object' ? Object.keys(variables) : [];
    return names
      .filter((name) => SECRET_NAME_WORDS.test(name.toUpperCase()) && !POINTER_WORDS.test(name.toUpperCase()))
      .map((name) => `environment variable ${name} says it holds a secret, and Lambda environment variables sit in the function's configuration, the plan and the state; pass ${name}_SECRET_ARN and read the value from Secrets Manager at run time`);
  },
});

export const SECRET_RULES = [noPlaintextSecrets, noProviderCredentials, secretsManagerSecretWithCmk, lambdaNoSecretEnvironment];
