import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteTarget } from '../../../shared/domain/note-target';
import {
  Button,
  EmptyState,
  ErrorMessage,
  Select,
  TextField,
  useAsyncAction,
} from '../../components';
import { useStateTopic } from '../../hooks/useStateTopic';
import { useNotesStore } from '../../stores/notes';
import { useSelectionStore } from '../../stores/selection';
import { NoteEditor } from './NoteEditor';
import { NotesList } from './NotesList';
import { accountTargetLabel, decodeTarget, encodeTarget, useTargetNames } from './targetLabel';

/** The notes tab: search, the list, and the editor for the selected note. */
export function NotesPanel() {
  const { t } = useTranslation();
  const { query, items, total, loaded, loadError, selectedId, setQuery, load, select, create } =
    useNotesStore();
  const { managers, accounts } = useTargetNames();
  const accountId = useSelectionStore((s) => s.selectedAccountId);
  const [about, setAbout] = useState('none');
  const creating = useAsyncAction((target: NoteTarget) => create(target));

  useEffect(() => {
    void load();
  }, [load]);
  useStateTopic('notes', () => void load());

  const aboutOptions = [
    { value: 'none', label: t('notes:target.none') },
    ...(accountId
      ? [{ value: `account:${accountId}`, label: accountTargetLabel(t, accountId, accounts) }]
      : []),
    ...managers
      .filter((m) => !m.offboardedAt)
      .map((m) => ({
        value: encodeTarget({ kind: 'manager', id: m.id }),
        label: t('notes:target.manager', { name: m.name }),
      })),
  ];

  return (
    <div className="notes-panel">
      <div className="notes-panel__side">
        <TextField
          type="search"
          label={t('notes:search')}
          hint={t('notes:searchHint')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <div className="notes-panel__new">
          <Select
            label={t('notes:attachTo')}
            value={aboutOptions.some((o) => o.value === about) ? about : 'none'}
            options={aboutOptions}
            onChange={(event) => setAbout(event.target.value)}
          />
          <Button
            variant="primary"
            busy={creating.busy}
            onClick={() => void creating.run(decodeTarget(about))}
          >
            {t('notes:new')}
          </Button>
        </div>
        {creating.error && <ErrorMessage error={creating.error} />}
        {loadError ? (
          // The notes could not be read: "0 notes, No notes yet" would say they are gone.
          <ErrorMessage
            error={loadError}
            variant="banner"
            actions={<Button onClick={() => void load()}>{t('common:retry')}</Button>}
          />
        ) : (
          <>
            <p className="notes-panel__count" aria-live="polite">
              {t('notes:count', { count: total })}
            </p>
            {loaded && items.length === 0 ? (
              query.trim() ? (
                <EmptyState title={t('notes:noMatchesTitle')}>
                  {t('notes:noMatchesBody')}
                </EmptyState>
              ) : (
                <EmptyState title={t('notes:emptyTitle')}>{t('notes:emptyBody')}</EmptyState>
              )
            ) : (
              <NotesList items={items} selectedId={selectedId} onSelect={select} />
            )}
          </>
        )}
      </div>
      <div className="notes-panel__main">
        {selectedId ? (
          <NoteEditor key={selectedId} noteId={selectedId} />
        ) : (
          <p className="notes-panel__prompt">{t('notes:selectPrompt')}</p>
        )}
      </div>
    </div>
  );
}
