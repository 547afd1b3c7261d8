import { resourceRule } from '../engine/rule';
import { blocks, show } from '../engine/values';

/** The parameter that makes each engine family refuse unencrypted connections. */
const TLS_PARAMETER_BY_FAMILY: ReadonlyArray<{ readonly family: RegExp; readonly parameter: string }> = [
  { family: /^(mysql|mariadb)/, parameter: 'require_secure_transport' },
  { family: /^(postgres|sqlserver)/, parameter: 'rds.force_ssl' },
];
const ENABLED = ['1', 'on', 'true'];

export const rdsParameterGroupRequiresTls = resourceRule({
  id: 'rds-parameter-group-tls',
  description: 'DB parameter groups make the engine refuse clear-text connections (MySQL/MariaDB require_secure_transport = 1, PostgreSQL/SQL Server rds.force_ssl = 1).',
  checkov: ['CKV2_AWS_69'],
  resourceTypes: ['aws_db_parameter_group'],
  check: ({ config }) => {
    const family = typeof config.family === 'string' ? config.family : '';
    const tls = TLS_PARAMETER_BY_FAMILY.find((entry) => entry.family.test(family));
    if (!tls) return [];
    const setting = blocks(config.parameter).find((parameter) => parameter.name === tls.parameter);
    const value = setting?.value;
    if (value !== undefined && ENABLED.includes(String(value).toLowerCase())) return [];
    return [`${tls.parameter} is ${setting ? show(value) : 'not set'} in this ${family} group; add the parameter with value "1"`];
  },
});
