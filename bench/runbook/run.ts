/**
 * Bench: a full regional failover by the real CLI against a simulated RDS with realistic delays
 * (minutes for a promotion, ~15 min for Multi-AZ, ~30 min for a replica) on a fake clock. Prints
 * the runbook's RTO against the critical-path lower bound and the API call rates while waiting.
 * The last line is a JSON object of the figures.
 */
import { measureFailover } from './failover-bench';

async function main(): Promise<void> {
  // Same reason as in the CLI's main.ts: the SDK's Node 22 notice would follow the JSON line.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const figures = await measureFailover();
  console.log(`Bench: ${figures.scenario}, simulated RDS with realistic delays on a fake clock`);
  console.log(`  runbook result:            ${figures.status} (exit ${figures.exitCode}); ${figures.apiCalls} AWS calls; ${figures.promoteCalls} promotion, ${figures.replicasCreated} replica created`);
  console.log(`  RTO (run start -> writer endpoint switched): ${figures.rtoSeconds} s`);
  console.log(`  critical-path lower bound: ${figures.rtoLowerBoundSeconds} s (promotion ${figures.promotionSeconds} s + 3 API round trips)`);
  console.log(`  RTO / lower bound:         ${figures.rtoRatio} (target <= 1.05)`);
  console.log(`  whole run:                 ${figures.totalSeconds} s vs ${figures.totalLowerBoundSeconds} s (promotion + Multi-AZ + replica build), ratio ${figures.totalRatio}`);
  console.log(`  describe calls per minute per instance while waiting: max ${figures.maxDescribeCallsPerMinutePerInstanceWhileWaiting} in any 60 s, average ${figures.averageDescribeCallsPerMinutePerInstanceWhileWaiting} (target <= 6)`);
  console.log(`  AWS calls per minute of waiting: ${figures.apiCallsPerMinuteOfWaiting} over ${figures.waitingMinutes} min of waiting`);
  console.log(`  simulated ${Math.round(figures.totalSeconds / 60)} min in ${figures.wallClockMs} ms of wall-clock time`);
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
