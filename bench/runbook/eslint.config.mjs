import baseConfig from '../../eslint.config.mjs';

/**
 * The bench drives the runbook in-process through its public entry (apps/dr-runbook/src/index.ts).
 * Nx forbids importing an app, so that one import is allowed here; every other import keeps the
 * workspace's boundaries (the bench may use the simulator, a test-support lib).
 */
const RUNBOOK_ENTRY = '@xyz/dr-runbook';

const withRunbookEntry = (block) => {
  const rule = block.rules?.['@nx/enforce-module-boundaries'];
  if (!rule) return block;
  const [level, options] = rule;
  return { ...block, rules: { ...block.rules, '@nx/enforce-module-boundaries': [level, { ...options, allow: [...options.allow, RUNBOOK_ENTRY] }] } };
};

export default baseConfig.map(withRunbookEntry);
