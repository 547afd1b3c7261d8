#!/usr/bin/env bash
# Turns the DR workflow's inputs into one `npm run dr-runbook` call (apps/dr-runbook) and runs it.
#   MODE     dry-run | execute   (execute adds --execute --yes; the job is behind an approval)
#   COMMAND  status | failover | failback | restore | drill az-failover
#   TO       default | <region>  (failover/failback: --to; restore: --region of the source)
#   AT       "" | latest | <ISO-8601 with zone>   (restore only)
#   FORCE    true | false        (failover only: the primary's region is down)
#   REPORT_DIR                   where the runbook journals and writes its report (--journal-dir)
# With DRY_ECHO=1 it prints the command instead of running it (used by the workflow tests).
set -euo pipefail

fail() { echo "::error::$*" >&2; exit 2; }

: "${MODE:?}" "${COMMAND:?}" "${TO:=default}" "${AT:=}" "${FORCE:=false}" "${REPORT_DIR:=dr-report}"
read -r -a args <<< "$COMMAND"

case "$COMMAND" in
  status | 'drill az-failover') ;;
  failover | failback)
    [ "$TO" != default ] || fail "$COMMAND needs a target region"
    args+=(--to "$TO") ;;
  restore)
    if [ "$TO" != default ]; then args+=(--region "$TO"); fi
    case "$AT" in
      '') fail 'restore needs a time: an ISO-8601 time with a zone (2026-01-31T12:00:00Z) or "latest"' ;;
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
else
  "${run[@]}"
fi
