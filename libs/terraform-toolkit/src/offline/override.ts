import { providerBlocks, remoteStatesOf, type TerraformJson } from '@xyz/terraform-schema';
import { UserError } from '../errors';

export interface OfflineOverrideInput {
  readonly stack: TerraformJson;
  /** Local stand-in state file per remote-state key (production/primary-east.tfstate -> path). */
  readonly standInStateFiles: Readonly<Record<string, string>>;
  /** Loopback endpoint that serves secretsmanager.GetRandomPassword. */
  readonly secretsEndpoint?: string;
}

/** The local backend's state file, relative to the offline working directory. */
export const OFFLINE_STATE_FILE = 'offline.tfstate';

/** The override file prepareOfflineWorkdir writes next to cdk.tf.json. */
export const OFFLINE_OVERRIDE_FILE = 'offline_override.tf.json';

const OFFLINE_PROVIDER_SETTINGS = {
  access_key: 'offline-mock',
  secret_key: 'offline-mock',
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
};

/**
 * A Terraform override file that turns a real stack into one that plans with no cloud account:
 * local backend, mock credentials with the provider's skip flags, remote state read from local
 * stand-ins and the password generator answered on loopback. The real provider still validates
 * every argument during the plan.
 */
export function offlineOverride(input: OfflineOverrideInput): Record<string, unknown> {
  const override: Record<string, unknown> = {
    terraform: { backend: { local: { path: OFFLINE_STATE_FILE } } },
  };
  override['provider'] = {
    aws: providerBlocks(input.stack, 'aws').map((original) => ({
      ...(original['alias'] ? { alias: original['alias'] } : {}),
      region: original['region'],
      // The account cannot be looked up without credentials, so the account guard is lifted offline.
      allowed_account_ids: null,
      ...OFFLINE_PROVIDER_SETTINGS,
      ...(input.secretsEndpoint ? { endpoints: [{ secretsmanager: input.secretsEndpoint }] } : {}),
    })),
  };
  const remoteOverrides: Record<string, unknown> = {};
  for (const { name, key } of remoteStatesOf(input.stack)) {
    const path = key ? input.standInStateFiles[key] : undefined;
    if (!path) throw new UserError(`remote state "${name}" (key ${key ?? 'none'}) has no offline stand-in: the stack reads a state this offline plan cannot stand in for`, 2);
    remoteOverrides[name] = { backend: 'local', config: { path } };
  }
  if (Object.keys(remoteOverrides).length > 0) override['data'] = { terraform_remote_state: remoteOverrides };
  return override;
}

/** Whether the stack opens an ephemeral aws_secretsmanager_random_password, which calls AWS during plan. */
export function needsSecretsStandIn(stack: TerraformJson): boolean {
  return Boolean(stack.ephemeral && 'aws_secretsmanager_random_password' in stack.ephemeral);
}
