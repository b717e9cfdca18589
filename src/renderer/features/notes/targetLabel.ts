import type { TFunction } from 'i18next';
import type { NoteTarget } from '../../../shared/domain/note-target';
import type { Manager } from '../../../shared/domain/manager';

/** "Manager: Star Agency", "Account 123", "Free-standing". */
export function targetLabel(
  t: TFunction,
  target: NoteTarget,
  managers: readonly Manager[],
): string {
  if (target.kind === 'none') return t('notes:target.none');
  if (target.kind === 'manager') {
    const name = managers.find((m) => m.id === target.id)?.name ?? target.id;
    return t('notes:target.manager', { name });
  }
  return t(`notes:target.${target.kind}`, { id: target.id });
}

export function encodeTarget(target: NoteTarget): string {
  return target.kind === 'none' ? 'none' : `${target.kind}:${target.id}`;
}

export function decodeTarget(value: string): NoteTarget {
  const at = value.indexOf(':');
  if (value === 'none' || at < 0) return { kind: 'none' };
  const kind = value.slice(0, at) as Exclude<NoteTarget['kind'], 'none'>;
  return { kind, id: value.slice(at + 1) };
}
