/** Bad options or arguments. Raised before any AWS call. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** One or more pre-checks refused the change (or `status` found problems). Nothing was changed. */
export class CheckFailedError extends Error {
  override readonly name = 'CheckFailedError';
  constructor(readonly failures: readonly string[]) {
    super(failures.join('; '));
  }
}

/** The user did not confirm at the prompt. Nothing was changed. */
export class NotConfirmedError extends Error {
  override readonly name = 'NotConfirmedError';
}

/** A step ran past its timeout. */
export class StepTimeoutError extends Error {
  override readonly name = 'StepTimeoutError';
}

/** The run was interrupted (Ctrl-C). */
export class AbortedError extends Error {
  override readonly name = 'AbortedError';
  constructor() {
    super('interrupted');
  }
}

/** A step found AWS in a state it cannot safely act on. */
export class StepError extends Error {
  override readonly name = 'StepError';
}
