import { NotConfirmedError } from '../core/errors';
import type { CliIo } from './io';

/** --execute without --yes: the user types the identifier of the database the run acts on. */
export async function confirmByIdentifier(io: CliIo, identifier: string): Promise<void> {
  const answer = await io.prompt(`Type the identifier of the target database (${identifier}) to go ahead, anything else to cancel: `);
  if (answer === undefined) throw new NotConfirmedError(`no confirmation received (input ended). Type ${identifier} at the prompt, or pass --yes in automation.`);
  if (answer.trim() !== identifier) throw new NotConfirmedError(`"${answer.trim()}" is not ${identifier}: cancelled, nothing was changed.`);
}
