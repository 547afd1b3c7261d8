import { Command, InvalidArgumentError } from 'commander';
import { TopologyError } from '@xyz/topology';
import { deployStack } from './commands/deploy';
import { migrateState } from './commands/migrate-state';
import { rebindDatabase } from './commands/rebind-database';
import { planStack } from './commands/plan';
import { knownStacks } from './commands/stack-files';
import { validateStack } from './commands/validate';
import { MIRROR_VARIABLE, UserError } from '@xyz/terraform-toolkit';

function stackArgument(value: string): string {
  const stacks = knownStacks();
  if (!stacks.includes(value)) throw new InvalidArgumentError(`unknown stack "${value}"; stacks are ${stacks.join(', ')}`);
  return value;
}

const program = new Command('terraform-cli')
  .description('Runs Terraform on a synthesized stack (cdktf.out/stacks/<stack>). Nx calls it from the synth, validate, plan and deploy targets.')
  .option('-v, --verbose', "stream terraform's own output", false)
  .addHelpText(
    'after',
    `
Stacks: the state backend and one per region of the topology (XYZ_ENVIRONMENT selects it).

Examples:
  npx nx run replica-west:validate          # terraform validate, offline
  npx nx run primary-east:plan -c offline   # real plan with no AWS account -> cdktf.out/stacks/primary-east/plan.json
  npx nx run primary-east:plan              # real plan against the S3 backend (needs AWS credentials)
  npm run terraform -- plan replica-west --offline --state pulled.tfstate   # what the code change does to that state
  npx nx run primary-east:deploy --plan-file=cdktf.out/stacks/primary-east/plan.tfplan
  XYZ_REVIEWED_PLANS_DIR=reviewed-plans npx nx affected -t deploy   # CI: <dir>/<stack>/plan.tfplan per stack
  npm run terraform -- migrate-state state-backend                 # after the bootstrap apply
  npm run terraform -- migrate-state replica-west --from-bucket xyz-prod-terraform-state-111122223333 --from-region us-east-1
                                                                   # from the old single bucket to the regional store
  npm run terraform -- rebind-database replica-ohio                # after the DR runbook rebuilt that replica

The AWS provider is installed from a local filesystem mirror when one exists
($${MIRROR_VARIABLE}, default /opt/tf-plugins), otherwise from the registry.`,
  );

program
  .command('validate')
  .description('terraform init -backend=false && terraform validate')
  .argument('<stack>', 'stack name', stackArgument)
  .action((stack: string) => validateStack(stack, program.opts().verbose));

program
  .command('plan')
  .description('terraform plan, saved to plan.tfplan and plan.json in the stack directory')
  .argument('<stack>', 'stack name', stackArgument)
  .option('--offline', 'plan with no cloud account: local backend, stand-in remote state, mock credentials', false)
  .option('--state <file>', 'with --offline: plan against this Terraform state (e.g. from `terraform state pull`) instead of an empty one, without refreshing it')
  .action((stack: string, options: { offline: boolean; state?: string }) =>
    planStack(stack, { offline: options.offline, state: options.state, verbose: program.opts().verbose }),
  );

program
  .command('deploy')
  .description('terraform apply against the real backend (a reviewed plan file, or an interactive apply)')
  .argument('<stack>', 'stack name', stackArgument)
  .option('--plan-file <file>', 'apply this reviewed plan instead of planning again')
  .option('--auto-approve', 'apply without asking (CI)', false)
  .action((stack: string, options: { planFile?: string; autoApprove: boolean }) =>
    deployStack(stack, { planFile: options.planFile, autoApprove: options.autoApprove, verbose: program.opts().verbose }),
  );

program
  .command('migrate-state')
  .description("move a stack's state into the backend it now names: after the state-backend bootstrap, or from the old single-bucket layout")
  .argument('<stack>', 'stack name', stackArgument)
  .option('--from-bucket <bucket>', 'the S3 bucket that holds the state today (for example the old xyz-prod-terraform-state-<account> in us-east-1)')
  .option('--from-region <region>', 'with --from-bucket: its region')
  .option('--from-key <key>', 'with --from-bucket: the state key there (default: the key the stack uses now)')
  .action((stack: string, options: { fromBucket?: string; fromRegion?: string; fromKey?: string }) => {
    if (Boolean(options.fromBucket) !== Boolean(options.fromRegion)) throw new UserError('--from-bucket and --from-region go together', 2);
    if (options.fromKey && !options.fromBucket) throw new UserError('--from-key needs --from-bucket and --from-region', 2);
    const from = options.fromBucket && options.fromRegion ? { bucket: options.fromBucket, region: options.fromRegion, key: options.fromKey } : undefined;
    return migrateState(stack, program.opts().verbose, from);
  });

program
  .command('rebind-database')
  .description("after the DR runbook rebuilt a stack's database under its standard identifier: state rm the old instance, import the new one")
  .argument('<stack>', 'stack name', stackArgument)
  .action((stack: string) => rebindDatabase(stack, program.opts().verbose));

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof UserError) {
    console.error(`error: ${error.message}`);
    process.exitCode = error.exitCode;
  } else if (error instanceof TopologyError) {
    console.error(`error: invalid topology: ${error.message}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
});
