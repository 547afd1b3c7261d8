import baseConfig, { constructRules } from '../../eslint.config.mjs';

export default [...baseConfig, ...constructRules];
