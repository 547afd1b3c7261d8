import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { Construct } from 'constructs';

export interface WriterEndpointParameterProps {
  /** The SSM parameter name the applications read, from the topology. */
  readonly name: string;
  /** The primary's address: the writer endpoint. */
  readonly address: string;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * Where applications in this region look up the MySQL writer. Terraform sets it to the primary
 * of the topology; during a failover the DR runbook overwrites it before the topology changes,
 * and the next plan agrees with it once the topology names the new primary.
 */
export class WriterEndpointParameter extends Construct {
  readonly parameter: SsmParameter;

  constructor(scope: Construct, id: string, props: WriterEndpointParameterProps) {
    super(scope, id);
    this.parameter = new SsmParameter(this, 'parameter', {
      name: props.name,
      type: 'String',
      value: props.address,
      description: 'MySQL writer endpoint (primary instance address). Switched by the DR runbook on failover.',
      tags: props.tags,
    });
  }
}
