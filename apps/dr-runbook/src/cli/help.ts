export const PROGRAM_DESCRIPTION = [
  'Disaster-recovery runbook for the XYZ MySQL platform on RDS (one primary, cross-region replicas).',
  'It reads the platform topology (libs/topology/environments/<env>.json), so it acts on exactly the instances the stacks create, and it compares that topology with what AWS reports.',
].join('\n\n');

export const PROGRAM_GUIDE = `
Which command when:
  status                      Any time, first. Topology beside AWS: roles, Multi-AZ, backups, replica
                              lag, writer endpoint. Exit 3 when something is wrong, 7 when a region
                              could not be checked (and nothing else is wrong).
  drill az-failover           Rehearsal in a quiet hour: forces a Multi-AZ failover of the primary
                              and measures how long writes were unavailable (~1-2 min).
  failover --to <region>      The primary's region is failing: promote that region's replica, make it
                              Multi-AZ, switch the writer endpoint, rebuild the other replicas, and
                              print (or --write-topology) the one-value topology change.
                              Add --force when the primary's region is down (skips the lag check).
  failback --to <region>      After a failover, once the old region is healthy: planned move back
                              with writes fenced, so nothing is lost.
  restore --time <ISO>|--latest
                              Bad data written (a bad deploy, a DELETE without WHERE): restore to a
                              new instance beside the primary and print its endpoint.

Commands that change anything:
  - are a DRY RUN by default: they run their read-only pre-checks, then print the ordered steps and
    every AWS call they would make. Nothing is changed.
  - run with --execute, after you type the identifier of the target database (or --yes in CI).
  - journal every step under .dr-runbook/ (--journal-dir). If a run is interrupted or fails,
    \`<command> --resume --execute\` continues it; every step checks AWS before it acts, so nothing
    is done twice (no second promotion, no duplicate replica). --resume checks the journal's
    options and plan as strictly as typed options (exit 2 if it was edited or is damaged) and runs
    the pre-checks of the steps not started yet again (exit 3 if one fails).
  - print one line per step, then its duration and result, and write a Markdown and JSON report
    (timeline, measured RTO, estimated RPO) next to the journal.

AWS access uses the standard SDK configuration: the default credential chain, --profile or
AWS_PROFILE, AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_RDS (..._SSM, ..._CLOUDWATCH). The region of every
call comes from the topology, so AWS_REGION is not needed.

Examples:
  npm run dr-runbook -- status
  npm run dr-runbook -- failover --to us-west-2                       # dry run: checks + plan
  npm run dr-runbook -- failover --to us-west-2 --force --execute     # region down: do it
  npm run dr-runbook -- failover --resume --execute                   # continue after a failure
  npm run dr-runbook -- restore --time 2025-03-01T02:15:00Z --execute
  npm run dr-runbook -- <command> --help                              # every option of a command
`;
