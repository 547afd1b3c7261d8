import baseConfig, { constructRules } from '../../eslint.config.mjs';

// Pure descriptions of Terraform's formats, used by constructs too: no environment, no file system.
export default [...baseConfig, ...constructRules];
