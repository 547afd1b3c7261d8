import type { BlockSchema } from './provider-schemas';
import { isObject } from './unknown-values';

type PathStep = { readonly type: 'get_attr'; readonly value: string } | { readonly type: 'index'; readonly value: { readonly value: number; readonly type: 'number' } };

/**
 * Terraform records the schema's sensitive attributes in state, also inside list blocks
 * (`authentication_mode[0].passwords`); without them every plan would show a change of sensitivity.
 */
export function sensitivePaths(schema: BlockSchema | undefined, values: Record<string, unknown> | undefined, prefix: readonly PathStep[] = []): PathStep[][] {
  const paths: PathStep[][] = Object.entries(schema?.attributes ?? {})
    .filter(([, attribute]) => attribute.sensitive)
    .map(([name]) => [...prefix, { type: 'get_attr', value: name }]);
  for (const [name, block] of Object.entries(schema?.block_types ?? {})) {
    const instances = values?.[name];
    if (block.nesting_mode !== 'list' || !Array.isArray(instances)) continue;
    instances.forEach((instance, index) => {
      if (!isObject(instance)) return;
      paths.push(...sensitivePaths(block.block, instance, [...prefix, { type: 'get_attr', value: name }, { type: 'index', value: { value: index, type: 'number' } }]));
    });
  }
  return paths;
}
