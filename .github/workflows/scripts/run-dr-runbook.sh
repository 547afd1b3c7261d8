#!/usr/bin/env bash
# Turns the DR workflow's inputs into one `npm run dr-runbook` call (apps/dr-runbook) and runs it.
#   MODE            dry-run | execute   (execute adds --execute --yes; the job is behind an approval)
#   COMMAND         status | failover | failback | restore | drill az-failover
#   TO              default | <region>  (failover/failback: --to; restore: --region of the source)
#   AT              "" | latest | <ISO-8601 with zone>   (restore only)
#   FORCE           true | false        (failover only: the primary's region is down)
#   RESUME          "" | <run id>       the earlier workflow run whose journal was downloaded into
#                                       REPORT_DIR: continue it (--resume). TO/AT/FORCE may be left
#                                       at their defaults; if given, the runbook checks they match.
#   WRITE_TOPOLOGY  true | false        (failover/failback: --write-topology). After an executed run
#                                       that changed the topology file, a copy and its diff are put
#                                       in TOPOLOGY_OUT for the workflow to upload; nothing is committed.
#   REPORT_DIR      where the runbook journals and writes its report (--journal-dir)
#   TOPOLOGY_OUT    where the changed topology file goes (default: dr-topology)
# With DRY_ECHO=1 it prints the command instead of running it (used by the workflow tests).
set -euo pipefail

fail() { echo "::error::$*" >&2; exit 2; }

: "${MODE:?}" "${COMMAND:?}" "${TO:=default}" "${AT:=}" "${FORCE:=false}" "${RESUME:=}" "${WRITE_TOPOLOGY:=false}"
: "${REPORT_DIR:=dr-report}" "${TOPOLOGY_OUT:=dr-topology}"
read -r -a args <<< "$COMMAND"

if [ -n "$RESUME" ]; then
  [[ "$RESUME" =~ ^[0-9]+$ ]] || fail "resume takes the id of an earlier DR workflow run (digits), not \"$RESUME\""
  [ "$COMMAND" != status ] || fail "status keeps no journal; there is nothing to resume"
  args+=(--resume)
fi

case "$COMMAND" in
  status | 'drill az-failover') ;;
  failover | failback)
    if [ "$TO" != default ]; then args+=(--to "$TO")
    elif [ -z "$RESUME" ]; then fail "$COMMAND needs a target region"; fi ;;
  restore)
    if [ "$TO" != default ]; then args+=(--region "$TO"); fi
    case "$AT" in
      '') [ -n "$RESUME" ] || fail 'restore needs a time: an ISO-8601 time with a zone (2026-01-31T12:00:00Z) or "latest"' ;;
      latest) args+=(--latest) ;;
      *) args+=(--time "$AT") ;;
    esac ;;
  *) fail "unknown runbook command \"$COMMAND\"" ;;
esac
if [ "$COMMAND" != restore ] && [ -n "$AT" ]; then fail "a time only applies to restore"; fi
if [ "$FORCE" = true ]; then
  [ "$COMMAND" = failover ] || fail "force only applies to failover"
  args+=(--force)
fi
if [ "$WRITE_TOPOLOGY" = true ]; then
  [ "$COMMAND" = failover ] || [ "$COMMAND" = failback ] || fail "write-topology only applies to failover and failback"
  args+=(--write-topology)
fi

mkdir -p "$REPORT_DIR"
if [ "$COMMAND" = status ]; then
  [ "$MODE" = dry-run ] || fail "status changes nothing; there is nothing to execute"
  run=(npm run --silent dr-runbook -- "${args[@]}" --json)
else
  args+=(--journal-dir "$REPORT_DIR")
  if [ "$MODE" = execute ]; then args+=(--execute --yes); fi
  run=(npm run --silent dr-runbook -- "${args[@]}")
fi

echo "${run[*]}"
if [ "${DRY_ECHO:-0}" = 1 ]; then exit 0; fi
if [ "$COMMAND" = status ]; then
  "${run[@]}" | tee "$REPORT_DIR/status.json"
  exit
fi

if [ -n "$RESUME" ]; then
  # The lock was left by the interrupted run's process on another, long gone runner. The workflow's
  # concurrency group is what keeps two runbooks apart here.
  rm -f "$REPORT_DIR/run.lock"
fi
topology="libs/topology/environments/${XYZ_ENVIRONMENT:-production}.json"
before=$(mktemp)
cp "$topology" "$before"

code=0
"${run[@]}" || code=$?

# The topology step is the last one, so a run that ends with warnings (exit 6) may have written it.
if ! cmp -s "$before" "$topology"; then
  mkdir -p "$TOPOLOGY_OUT"
  cp "$topology" "$TOPOLOGY_OUT/"
  diff -u --label "a/$topology" --label "b/$topology" "$before" "$topology" > "$TOPOLOGY_OUT/topology.diff" || true
  echo "The runbook changed $topology; it is uploaded as an artifact. Commit it through a pull request."
fi
exit "$code"
