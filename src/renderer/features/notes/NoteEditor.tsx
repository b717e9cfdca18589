import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_MAX_CHARS, type Note } from '../../../shared/contract';
import { api, toAppError, unwrap } from '../../client';
import {
  Alert,
  Button,
  ConfirmDialog,
  ErrorMessage,
  Spinner,
  errorText,
  useAsyncAction,
} from '../../components';
import { useFormat } from '../../format';
import { useNotesStore } from '../../stores/notes';
import { MarkdownView } from './MarkdownView';
import { targetLabel, useTargetNames } from './targetLabel';
import { clearDraft, useNoteAutosave, type SaveState } from './useNoteAutosave';
import type { AppError } from '../../../shared/errors';

function SaveStatus({ state, length }: { state: SaveState; length: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  let text: string;
  if (state.kind === 'saved') text = t('notes:status.saved');
  else if (state.kind === 'saving') text = t('notes:status.saving');
  else if (state.kind === 'unsaved') text = t('notes:status.unsaved');
  else {
    const reason =
      state.problem === 'tooLong'
        ? t('notes:limits.tooLong', {
            count: length,
            length: format.number(length),
            limit: format.number(NOTE_MAX_CHARS),
          })
        : state.problem === 'binary'
          ? t('notes:limits.binary')
          : state.error
            ? errorText(t, state.error)
            : '';
    text = t('notes:status.failed', { reason });
  }
  return (
    <p
      className={`note-editor__status note-editor__status--${state.kind}`}
      role={state.kind === 'failed' ? 'alert' : 'status'}
      data-testid="note-save-status"
    >
      {text}
    </p>
  );
}

/** Loads one note and edits it; keyed by note id by its parent. */
export function NoteEditor({ noteId }: { noteId: string }) {
  const [note, setNote] = useState<Note | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let alive = true;
    unwrap(api().notes.get({ id: noteId }))
      .then((loaded) => alive && setNote(loaded))
      .catch((thrown) => alive && setError(toAppError(thrown)));
    return () => {
      alive = false;
    };
  }, [noteId]);
  if (error) return <ErrorMessage error={error} variant="banner" />;
  if (!note) return <Spinner />;
  return <LoadedNoteEditor note={note} />;
}

function LoadedNoteEditor({ note }: { note: Note }) {
  const { t } = useTranslation();
  const format = useFormat();
  const textareaId = useId();
  const hintId = useId();
  const names = useTargetNames();
  const pin = useNotesStore((s) => s.pin);
  const remove = useNotesStore((s) => s.remove);
  const [pinned, setPinned] = useState(note.pinned);
  const [preview, setPreview] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const togglePin = useAsyncAction(async () => {
    await pin(note.id, !pinned);
    setPinned(!pinned);
  });
  const { text, setText, state, flush, recovered } = useNoteAutosave(note);
  const updatedAt = (state.kind === 'saved' && state.at) || note.updatedAt;

  return (
    <div className="note-editor">
      <div className="note-editor__toolbar">
        <span className="note-editor__target">{targetLabel(t, note.target, names)}</span>
        <span className="note-editor__time">{format.dateTime(updatedAt)}</span>
        <div className="note-editor__actions">
          <Button
            size="small"
            aria-pressed={preview}
            onClick={() => {
              void flush();
              setPreview(!preview);
            }}
          >
            {preview ? t('notes:edit') : t('notes:preview')}
          </Button>
          <Button
            size="small"
            aria-pressed={pinned}
            busy={togglePin.busy}
            onClick={() => void togglePin.run()}
          >
            {pinned ? t('notes:unpin') : t('notes:pin')}
          </Button>
          <Button size="small" variant="danger" onClick={() => setConfirmDelete(true)}>
            {t('notes:delete')}
          </Button>
        </div>
      </div>
      {recovered && <Alert tone="info">{t('notes:recovered')}</Alert>}
      {togglePin.error && (
        <ErrorMessage error={togglePin.error} variant="banner" onDismiss={togglePin.reset} />
      )}
      <SaveStatus state={state} length={text.length} />
      {preview ? (
        <MarkdownView text={text} />
      ) : (
        <>
          <label htmlFor={textareaId} className="visually-hidden">
            {t('notes:editorLabel')}
          </label>
          <textarea
            id={textareaId}
            className="note-editor__text"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onBlur={() => void flush()}
            aria-describedby={hintId}
            spellCheck
            autoFocus={note.text === ''}
          />
          <p id={hintId} className="field__hint">
            {t('notes:editorHint')}
          </p>
        </>
      )}
      <ConfirmDialog
        open={confirmDelete}
        title={t('notes:deleteTitle')}
        confirmLabel={t('notes:delete')}
        variant="danger"
        onCancel={() => setConfirmDelete(false)}
        onConfirm={async () => {
          await remove(note.id);
          clearDraft(note.id);
          setConfirmDelete(false);
        }}
      >
        <p>{t('notes:deleteBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
