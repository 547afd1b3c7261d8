/** Exit codes. Documented in --help and the README; scripts may rely on them. */
export const ExitCode = {
  /** Done; for `status`: the platform is healthy. A dry run that passed its checks. */
  Ok: 0,
  /** Unexpected internal error (a bug). Nothing more is known about the state: run `status`. */
  Internal: 1,
  /** Invalid options or arguments. Refused before any AWS call. */
  Usage: 2,
  /** Checks failed: a pre-check refused the change, or `status` found the platform unhealthy. Nothing was changed. */
  ChecksFailed: 3,
  /** A step failed or timed out. The run stopped part-way; the message says where. `--resume` continues. */
  StepFailed: 4,
  /** Not confirmed at the prompt. Nothing was changed. */
  NotConfirmed: 5,
  /** Finished with warnings (e.g. a region that did not answer). `--resume` retries what is left. */
  Warnings: 6,
  /**
   * `status` could not check everything (no credentials, access denied, a region or endpoint that
   * does not answer), and nothing it could check is unhealthy. Says nothing about the unchecked part.
   */
  CouldNotCheck: 7,
  /** Interrupted (Ctrl-C). `--resume` continues. */
  Interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export const EXIT_CODE_HELP = `Exit codes:
  0    done (status: everything checked and healthy; dry run: checks passed)
  1    internal error (a bug); run \`status\` to see where things stand
  2    invalid input; refused before any AWS call
  3    checks failed: a pre-check refused the change, or \`status\` found a problem; nothing changed
  4    a step failed or timed out; the run stopped part-way; \`--resume --execute\` continues
  5    not confirmed at the prompt; nothing changed
  6    finished with warnings (e.g. a region did not answer); \`--resume --execute\` retries them
  7    status: could not check everything (no credentials, access denied, a region that does not
       answer) and found nothing wrong in the rest; a problem found anywhere is 3 instead
  130  interrupted (Ctrl-C); \`--resume --execute\` continues`;
