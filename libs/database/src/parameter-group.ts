import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { Construct } from 'constructs';

export interface MysqlParameterGroupProps {
  readonly name: string;
  /**
   * Queries slower than this many seconds go to the slow-query log (exported to CloudWatch).
   * @default 2
   */
  readonly longQueryTimeSeconds?: number;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * The region's own MySQL 8.0 parameter group. Cross-region replicas would otherwise get the
 * engine default, which allows clear-text connections.
 */
export class MysqlParameterGroup extends Construct {
  readonly group: DbParameterGroup;

  constructor(scope: Construct, id: string, props: MysqlParameterGroupProps) {
    super(scope, id);
    this.group = new DbParameterGroup(this, 'group', {
      name: props.name,
      family: 'mysql8.0',
      description: 'MySQL 8.0: TLS required, slow-query log on',
      parameter: [
        { name: 'require_secure_transport', value: '1' },
        { name: 'slow_query_log', value: '1' },
        { name: 'long_query_time', value: String(props.longQueryTimeSeconds ?? 2) },
        { name: 'log_output', value: 'FILE' },
      ],
      tags: props.tags,
    });
  }
}
