/** Resolves `type.name.attribute` of a managed resource to its applied value. */
export type Lookup = (reference: string) => unknown;

/** `type.name.attribute` of a managed resource; anything else (functions, data sources, variables) is not evaluated here. */
const RESOURCE_ATTRIBUTE = /^(?!data\.|var\.|local\.|module\.)[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+\.[a-z0-9_]+$/;

/**
 * The value of a JSON-syntax configuration value whose templates only interpolate resource
 * attributes (`"${aws_subnet.a.id}"`, `"...\"Resource\":\"${aws_sns_topic.t.arn}\"..."`), or
 * undefined when it holds anything else (a function call, an escape, a directive).
 */
export function evaluateTemplate(template: unknown, lookup: Lookup): unknown {
  if (Array.isArray(template)) {
    const items = template.map((item) => evaluateTemplate(item, lookup));
    return items.some((item) => item === undefined) ? undefined : items;
  }
  if (typeof template !== 'string') return template;
  if (template.includes('$${') || template.includes('%{')) return undefined;
  const whole = /^\$\{([^}]*)\}$/.exec(template);
  if (whole) return RESOURCE_ATTRIBUTE.test(whole[1]) ? lookup(whole[1]) : undefined;
  let evaluable = true;
  const result = template.replace(/\$\{([^}]*)\}/g, (_match, reference: string) => {
    if (RESOURCE_ATTRIBUTE.test(reference)) return String(lookup(reference));
    evaluable = false;
    return '';
  });
  return evaluable ? result : undefined;
}
