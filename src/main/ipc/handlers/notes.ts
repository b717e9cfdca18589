import type { Handlers } from '../dispatcher';
import type { NotesService } from '../../services/notes/notes-service';

export function notesHandlers(
  notes: NotesService,
): Pick<
  Handlers,
  'notes:list' | 'notes:get' | 'notes:create' | 'notes:save' | 'notes:pin' | 'notes:delete'
> {
  return {
    'notes:list': (input) => notes.list(input),
    'notes:get': ({ id }) => notes.get(id),
    'notes:create': (input) => notes.create(input),
    'notes:save': ({ id, text }) => notes.save(id, text),
    'notes:pin': ({ id, pinned }) => notes.pin(id, pinned),
    'notes:delete': ({ id }) => {
      notes.delete(id);
      return null;
    },
  };
}
