import type { TerraformJson } from '@xyz/terraform-toolkit';

/** Edits of a synthesized stack (cdk.tf.json) that the moto exceptions make before it is applied. */
export function resourcesOf(json: TerraformJson, type: string): Array<[string, Record<string, unknown>]> {
  return Object.entries(json.resource?.[type] ?? {});
}

/**
 * Removes resources of the given types, then every argument elsewhere that refers to one of them
 * (a whole attribute, or one element of a list), so the rest still plans.
 */
export function removeResourceTypes(json: TerraformJson, types: readonly string[]): string[] {
  const removed: string[] = [];
  for (const type of types) {
    for (const name of Object.keys(json.resource?.[type] ?? {})) removed.push(`${type}.${name}`);
    delete json.resource?.[type];
  }
  if (removed.length === 0) return removed;
  const refersToRemoved = (value: unknown): boolean => typeof value === 'string' && removed.some((address) => value.includes(`\${${address}.`) || value === address);
  for (const resources of Object.values(json.resource ?? {})) {
    for (const config of Object.values(resources)) pruneReferences(config, refersToRemoved);
  }
  return removed;
}

function pruneReferences(node: Record<string, unknown>, refersToRemoved: (value: unknown) => boolean): void {
  for (const [key, value] of Object.entries(node)) {
    if (refersToRemoved(value)) delete node[key];
    else if (Array.isArray(value)) {
      const kept = value.filter((item) => !refersToRemoved(item));
      kept.forEach((item) => item && typeof item === 'object' && pruneReferences(item as Record<string, unknown>, refersToRemoved));
      if (kept.length === 0 && value.length > 0) delete node[key];
      else node[key] = kept;
    } else if (value && typeof value === 'object') pruneReferences(value as Record<string, unknown>, refersToRemoved);
  }
}
