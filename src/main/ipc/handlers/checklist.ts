import type { Handlers } from '../dispatcher';
import type { ChecklistService } from '../../services/checklist';

export function checklistHandlers(
  checklist: ChecklistService,
): Pick<
  Handlers,
  'checklist:get' | 'checklist:confirm' | 'checklist:unconfirm' | 'checklist:keepSession'
> {
  return {
    'checklist:get': () => checklist.state(),
    'checklist:confirm': (input) => checklist.confirm(input),
    'checklist:unconfirm': (input) => checklist.unconfirm(input),
    'checklist:keepSession': (input) => checklist.keepSession(input),
  };
}
