import type { BlockSchema } from './provider-schemas';
import { evaluateTemplate, type Lookup } from './templates';

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The resources an expression refers to, first one first (`references` of `terraform show -json`). */
export function referencesOf(expression: unknown): string[] {
  return isObject(expression) && Array.isArray(expression['references']) ? (expression['references'] as string[]) : [];
}

/**
 * A placeholder of the attribute's type: the provider sees a value, so no change is planned for
 * it. Lower case, since the provider lower-cases some values (maintenance windows) and would
 * otherwise plan a change from the placeholder to its lower-case form.
 */
function placeholder(type: unknown, label: string): unknown {
  if (type === 'string') return label.toLowerCase();
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set')) return [];
  if (Array.isArray(type) && type[0] === 'map') return {};
  return null;
}

/** Fills the values marked unknown (also inside nested blocks): references first, else a placeholder. */
export function fillUnknown(values: Json, unknown: unknown, expressions: unknown, schema: BlockSchema, label: string, lookup: Lookup): void {
  if (!isObject(unknown)) return;
  for (const [key, marker] of Object.entries(unknown)) {
    const expression = isObject(expressions) ? expressions[key] : undefined;
    const block = schema.block_types?.[key];
    if (marker === true) {
      const references = referencesOf(expression);
      const evaluated = isObject(expression) && 'constant_value' in expression ? evaluateTemplate(expression['constant_value'], lookup) : undefined;
      if (evaluated !== undefined) values[key] = evaluated;
      else if (references.length > 0) values[key] = lookup(references[0]);
      else if (!(key in values) || values[key] === null) values[key] = block ? [] : placeholder(schema.attributes?.[key]?.type, `${label}-${key}`);
      continue;
    }
    const nested = values[key];
    if (!block || !Array.isArray(marker) || !Array.isArray(nested)) continue;
    marker.forEach((item, i) => {
      if (isObject(nested[i])) fillUnknown(nested[i] as Json, item, Array.isArray(expression) ? expression[i] : undefined, block.block, label, lookup);
    });
  }
}
