import type { TerraformPlan } from './plan';

function constantRegion(expressions: Record<string, unknown> | undefined): string | undefined {
  const region = expressions?.['region'];
  if (region && typeof region === 'object' && 'constant_value' in region && typeof region.constant_value === 'string') {
    return region.constant_value;
  }
  return undefined;
}

/**
 * The AWS region a resource lives in, from the constant `region` of the provider configuration
 * the resource uses. Undefined when the region is not a constant (a variable, a reference).
 */
export function providerRegion(plan: Pick<TerraformPlan, 'configuration'>, change: { readonly address: string }): string | undefined {
  const providers = plan.configuration?.provider_config ?? {};
  const configAddress = change.address.replace(/\[[^\]]*\]$/, '');
  const resource = plan.configuration?.root_module?.resources?.find((entry) => entry.address === configAddress);
  const key = resource?.provider_config_key ?? 'aws';
  return constantRegion(providers[key]?.expressions);
}
