import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteSummary } from '../../../shared/contract/notes';
import { Button, ErrorMessage, useAsyncAction } from '../../components';
import { api, toAppError, unwrap } from '../../client';
import { useFormat } from '../../format';
import { useStateTopic } from '../../hooks/useStateTopic';
import type { AppError } from '../../../shared/errors';

/** Notes about one session (the notes feature keeps them; they outlive revocation). */
export function SessionNotes({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('sessions');
  const format = useFormat();
  const [items, setItems] = useState<NoteSummary[] | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [text, setText] = useState('');

  const [version, setVersion] = useState(0);

  useEffect(() => {
    let alive = true;
    api()
      .notes.list({ target: { kind: 'session', id: sessionId }, limit: 200 })
      .then((answer) => {
        if (!alive) return;
        if (answer.ok) {
          setItems(answer.data.items);
          setLoadError(null);
        } else {
          setLoadError(answer.error);
        }
      })
      .catch((error: unknown) => alive && setLoadError(toAppError(error)));
    return () => {
      alive = false;
    };
  }, [sessionId, version]);
  useStateTopic('notes', () => setVersion((v) => v + 1));

  const add = useAsyncAction(async () => {
    await unwrap(api().notes.create({ target: { kind: 'session', id: sessionId }, text }));
    setText('');
    setVersion((v) => v + 1);
  });

  return (
    <div className="session-notes">
      <h4>{t('detail.notes')}</h4>
      {loadError && <ErrorMessage error={loadError} />}
      {items && items.length === 0 && <p>{t('detail.noNotes')}</p>}
      {items && items.length > 0 && (
        <ul className="session-notes__list" data-testid="session-notes">
          {items.map((note) => (
            <li key={note.id}>
              <span className="session-notes__title">{note.title || note.excerpt}</span>{' '}
              <span className="session-notes__time">{format.dateTime(note.updatedAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) void add.run();
        }}
      >
        <label className="field__label" htmlFor={`session-note-${sessionId}`}>
          {t('detail.addNote')}
        </label>
        <textarea
          id={`session-note-${sessionId}`}
          className="field__control session-notes__input"
          value={text}
          rows={3}
          maxLength={10_000}
          onChange={(event) => setText(event.target.value)}
        />
        {add.error && <ErrorMessage error={add.error} />}
        <div className="form-actions">
          <Button type="submit" disabled={!text.trim()} busy={add.busy}>
            {t('detail.saveNote')}
          </Button>
        </div>
      </form>
    </div>
  );
}
