import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteSummary } from '../../../shared/contract';
import { Badge } from '../../components';
import { useFormat } from '../../format';
import { targetLabel, useTargetNames } from './targetLabel';

const ROW_HEIGHT = 76;

/** Every matching note, virtualised: thousands of notes stay smooth. */
export function NotesList({
  items,
  selectedId,
  onSelect,
}: {
  items: readonly NoteSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useTargetNames();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <div ref={scrollRef} className="notes-list" data-testid="notes-list">
      <ul
        aria-label={t('notes:listLabel')}
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const note = items[row.index]!;
          return (
            <li
              key={note.id}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: ROW_HEIGHT,
                transform: `translateY(${row.start}px)`,
              }}
            >
              <button
                type="button"
                className="notes-list__item"
                aria-current={note.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(note.id)}
              >
                <span className="notes-list__title">
                  {note.pinned && <Badge tone="info">{t('notes:pinned')}</Badge>}{' '}
                  {note.title || t('notes:untitled')}
                </span>
                <span className="notes-list__meta">
                  {targetLabel(t, note.target, names)} · {format.dateTime(note.updatedAt)}
                </span>
                <span className="notes-list__excerpt">{note.excerpt.replace(/\s+/g, ' ')}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
