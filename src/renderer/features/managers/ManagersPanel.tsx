import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, EmptyState, ErrorMessage } from '../../components';
import { useManagersStore } from '../../stores/managers';
import { ManagerDetails, NoManagerSelected } from './ManagerDetails';
import { ManagerForm } from './ManagerForm';

/** The managers tab: the list, and the selected manager (or the form). */
export function ManagersPanel({ onOpenNote }: { onOpenNote: () => void }) {
  const { t } = useTranslation();
  const { managers, loaded, loadError, selectedId, select, create, update } = useManagersStore();
  const [mode, setMode] = useState<'view' | 'create' | 'edit'>('view');
  const selected = managers.find((m) => m.id === selectedId) ?? null;

  return (
    <div className="managers-panel">
      <div>
        <Button variant="primary" onClick={() => setMode('create')}>
          {t('managers:add')}
        </Button>
        {loadError && <ErrorMessage error={loadError} variant="banner" />}
        {loaded && managers.length === 0 ? (
          <EmptyState title={t('managers:emptyTitle')}>{t('managers:emptyBody')}</EmptyState>
        ) : (
          <ul className="managers-list" aria-label={t('managers:listLabel')}>
            {managers.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  aria-current={m.id === selectedId ? 'true' : undefined}
                  onClick={() => {
                    select(m.id);
                    setMode('view');
                  }}
                >
                  <span>{m.name}</span>
                  {m.offboardedAt && <Badge tone="neutral">{t('managers:offboardedBadge')}</Badge>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        {mode === 'create' ? (
          <ManagerForm
            manager={null}
            onCancel={() => setMode('view')}
            onSubmit={async (draft) => {
              await create(draft);
              setMode('view');
            }}
          />
        ) : mode === 'edit' && selected ? (
          <ManagerForm
            key={selected.id}
            manager={selected}
            onCancel={() => setMode('view')}
            onSubmit={async (draft) => {
              await update(selected.id, draft);
              setMode('view');
            }}
          />
        ) : selected ? (
          <ManagerDetails
            key={selected.id}
            manager={selected}
            onEdit={() => setMode('edit')}
            onOpenNote={onOpenNote}
          />
        ) : (
          <NoManagerSelected />
        )}
      </div>
    </div>
  );
}
