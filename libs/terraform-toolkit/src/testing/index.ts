// Helpers for jest suites that run the real terraform (offline, the project's CLI config).
export { describeWithTerraform } from './describe-with-terraform';
export { initOffline, type OfflinePlan, planOffline, type PlannedResource, terraform } from './offline-terraform';
