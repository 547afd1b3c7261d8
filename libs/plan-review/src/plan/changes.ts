import type { ChangeKind, ResourceChange } from '@xyz/terraform-schema';

/** Whether this change takes away the existing object (so its data) at all. */
export function destroysExisting(kind: ChangeKind): boolean {
  return kind === 'replace' || kind === 'delete';
}

/** "engine_version", "parameter[0].name": the attribute paths that force a replacement. */
export function replacementAttributes(change: ResourceChange): string[] {
  const paths = change.change.replace_paths ?? [];
  return paths.map((path) => path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join(''));
}

const ACTION_REASONS: Record<string, string> = {
  replace_because_cannot_update: 'an attribute that cannot be updated in place changed',
  replace_because_tainted: 'the resource is tainted',
  replace_by_request: 'replacement was requested (-replace)',
  replace_by_triggers: 'replace_triggered_by fired',
  delete_because_no_resource_config: 'its configuration was removed',
  delete_because_no_module: 'its module was removed',
  delete_because_wrong_repetition: 'count/for_each changed its shape',
  delete_because_count_index: 'its count index is gone',
  delete_because_each_key: 'its for_each key is gone',
  delete_because_no_move_target: 'its moved target does not exist',
};

/** Why Terraform chose this action, when the plan says so. */
export function actionReason(change: ResourceChange): string | undefined {
  return change.action_reason ? (ACTION_REASONS[change.action_reason] ?? change.action_reason) : undefined;
}
