import type { StackReview } from './review';
import { code } from './format';

/** Not blocking, but near the top: what goes offline, for about how long, and when. */
export function downtimeSection(stacks: readonly StackReview[]): string {
  const items = stacks.flatMap((review) =>
    review.downtime.map((warning) => `- ${code(`${review.stack}:${warning.address}`)}: **${warning.change}**. ${capitalize(warning.effect)}. About how long: ${warning.duration}. When: ${warning.when}.`),
  );
  if (items.length === 0) return '';
  return ['### Causes downtime', 'The guard does not block these; plan the apply for a quiet hour and tell whoever uses the service.', items.join('\n')].join('\n\n');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
