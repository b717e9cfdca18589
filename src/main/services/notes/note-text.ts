import { NOTE_MAX_CHARS } from '../../../shared/contract/notes';
import { DoormanError } from '../../../shared/errors';

// C0 controls except tab, line feed and carriage return; DEL; C1 controls; lone surrogates.
// Text holding these is almost always a pasted binary file, not something a creator wrote.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Refuses text a note cannot hold, with a sentence the creator can act on. */
export function checkNoteText(text: string): void {
  if (text.length > NOTE_MAX_CHARS) {
    throw new DoormanError(
      'invalidInput',
      `This note is too long: ${text.length.toLocaleString('en')} characters, the limit is ${NOTE_MAX_CHARS.toLocaleString('en')}. The saved version is unchanged.`,
      { fields: ['text'] },
    );
  }
  if (CONTROL.test(text) || LONE_SURROGATE.test(text)) {
    throw new DoormanError(
      'invalidInput',
      'This text holds control or binary characters (perhaps a pasted file). The saved version is unchanged.',
      { fields: ['text'] },
    );
  }
}
