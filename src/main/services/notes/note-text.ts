import { NOTE_MAX_CHARS, noteTextProblem } from '../../../shared/contract/notes';
import { DoormanError } from '../../../shared/errors';

/** Refuses text a note cannot hold, with a sentence the creator can act on. */
export function checkNoteText(text: string): void {
  const problem = noteTextProblem(text);
  if (problem === 'tooLong') {
    throw new DoormanError(
      'invalidInput',
      `This note is too long: ${text.length.toLocaleString('en')} characters, the limit is ${NOTE_MAX_CHARS.toLocaleString('en')}. The saved version is unchanged.`,
      { fields: ['text'] },
    );
  }
  if (problem === 'binary') {
    throw new DoormanError(
      'invalidInput',
      'This text holds control or binary characters (perhaps a pasted file). The saved version is unchanged.',
      { fields: ['text'] },
    );
  }
}
