import { Command } from 'commander';
import { RegionLossDrill } from './dr-drill';
import { MOTO_EXCEPTIONS } from './exceptions';
import { MotoUnavailable, motoUrl, resetMoto } from './moto-server';
import { RegionGate } from './region-gate';
import { RehearsalWorkspace } from './rehearsal-workspace';
import { printSummary } from './summary';
import { Scenario } from './scenario';
import { RehearsalFailure } from './stack-operations';
import { StepLog } from './step-log';
import { stateUploadViolations } from './upload-check';

const LOST_REGION = 'us-east-1';
const FAILOVER_REGION = 'us-west-2';
/** The region stack whose state the rehearsal moves from the single-bucket layout: its state lives outside us-east-1. */
const SINGLE_BUCKET_MOVE_REGION = 'us-east-2';

new Command('rehearse')
  .description(
    `Rehearses the platform's worst day on a local moto server (MOTO_URL), with the real Terraform, the real AWS provider and real S3 backends:
bootstrap the state stores, deploy every stack in Nx's order, move one stack's state from the old single bucket, check the platform with dr-runbook status, take ${LOST_REGION} away,
fail over to ${FAILOVER_REGION}, plan and apply the topology change on the surviving stacks, bring ${LOST_REGION} back and fail back.
It resets the moto server first and writes only under cdktf.out/rehearsal/.`,
  )
  .addHelpText('after', '\nExample:\n  moto_server -p 5055 &\n  MOTO_URL=http://127.0.0.1:5055 npm run rehearse')
  .parse(process.argv);

async function rehearse(workspace: RehearsalWorkspace, scenario: Scenario, steps: StepLog): Promise<void> {
  const drill = new RegionLossDrill(scenario, workspace, steps);
  await scenario.bootstrapStateBackend();
  await scenario.deployRegionStacks(scenario.topology().regions.map((region) => region.stackName));
  await scenario.moveFromSingleBucket(scenario.topologyStackOf(SINGLE_BUCKET_MOVE_REGION));
  await drill.status('dr-runbook status on the deployed platform (expect healthy, exit 0)', 0);
  const rebuiltByFailover = await drill.failover(FAILOVER_REGION, LOST_REGION);
  await drill.applyTopologyChange(rebuiltByFailover, `after the failover, with ${LOST_REGION} down`);
  await drill.status(`dr-runbook status with ${LOST_REGION} still down (expect exit 7: one region cannot be checked, nothing checked is wrong)`, 7);
  await steps.run(`bring ${LOST_REGION} back`, async () => {
    scenario.gate.bringBack(LOST_REGION);
    await scenario.operations.flushReplication();
    return [...scenario.gate.refused.entries()].map(([region, count]) => `${count} requests to ${region} were dropped while it was down`).join('; ');
  }, (detail) => detail);
  await drill.resumeAfterOutage(LOST_REGION);
  const rebuiltByFailback = await drill.failback(LOST_REGION);
  await drill.applyTopologyChange(rebuiltByFailback, 'after the failback', scenario.topologyStackOf(FAILOVER_REGION));
  await drill.status('dr-runbook status after the failback (expect healthy, exit 0)', 0);
  await steps.run('check every state upload as the state buckets\' policies would', async () => {
    const violations = stateUploadViolations(scenario.topology(), scenario.gate.uploads);
    if (violations.length > 0) throw new RehearsalFailure(`state uploads the bucket policy would refuse:\n      ${violations.join('\n      ')}`);
    return scenario.gate.uploads.length;
  }, (count) => `${count} uploads, each SSE-KMS with its region's state key`);
  await steps.run('check that no moto fill-in failed at the region gate', async () => {
    // A failed fill-in was answered as a server fault; a tool may have retried past it, but the run must not pass.
    if (scenario.gate.failedPatches.length > 0) throw new RehearsalFailure(`fill-ins that failed:\n      ${scenario.gate.failedPatches.join('\n      ')}`);
    return 'none failed';
  }, (detail) => detail);
}

async function main(): Promise<number> {
  const url = motoUrl();
  const workspace = new RehearsalWorkspace();
  workspace.reset();
  await resetMoto(url);
  const exchangePatches = MOTO_EXCEPTIONS.flatMap(({ id, patchExchange }) => (patchExchange ? [{ id, patch: patchExchange }] : []));
  const gate = new RegionGate({ target: url, accountId: workspace.topology().accountId, exchangePatches });
  await gate.start();
  const steps = new StepLog();
  const scenario = new Scenario(workspace, steps, gate);
  let failure: unknown;
  try {
    await rehearse(workspace, scenario, steps);
  } catch (error) {
    failure = error;
  } finally {
    await gate.stop();
  }
  printSummary(scenario, steps, workspace, failure === undefined);
  if (failure) throw failure;
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof MotoUnavailable) {
      console.error(`error: ${error.message}`);
      process.exitCode = 2;
    } else if (error instanceof RehearsalFailure) {
      console.error(`\nerror: ${error.message}`);
      process.exitCode = 1;
    } else throw error;
  },
);
