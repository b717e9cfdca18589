import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../components';
import { useStateTopic } from '../../hooks/useStateTopic';
import { useManagersStore } from '../../stores/managers';
import { ManagersPanel } from '../managers/ManagersPanel';
import { NotesPanel } from './NotesPanel';
import './notes.css';

const TABS = ['notes', 'managers'] as const;
type Tab = (typeof TABS)[number];

/** Notes and managers, as two tabs of one screen (managers are what most notes are about). */
export function NotesScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('notes');
  const loadManagers = useManagersStore((s) => s.load);
  useEffect(() => {
    void loadManagers();
  }, [loadManagers]);
  useStateTopic(['managers', 'sessions'], () => void loadManagers());

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next =
      TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    document.getElementById(`notes-tab-${next}`)?.focus();
  };

  return (
    <Screen title={t('notes:title')} description={t('notes:description')}>
      <div role="tablist" aria-label={t('notes:tabs.label')} className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((id) => (
          <button
            key={id}
            id={`notes-tab-${id}`}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={tab === id}
            aria-controls={`notes-tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
          >
            {t(`notes:tabs.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`notes-tabpanel-${tab}`} aria-labelledby={`notes-tab-${tab}`}>
        {tab === 'notes' ? <NotesPanel /> : <ManagersPanel onOpenNote={() => setTab('notes')} />}
      </div>
    </Screen>
  );
}
