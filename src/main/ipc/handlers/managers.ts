import type { Handlers } from '../dispatcher';
import type { ManagersService } from '../../services/managers/managers-service';

export function managersHandlers(
  managers: ManagersService,
): Pick<
  Handlers,
  | 'managers:list'
  | 'managers:get'
  | 'managers:create'
  | 'managers:update'
  | 'managers:remove'
  | 'managers:sessions'
  | 'managers:offboard'
> {
  return {
    'managers:list': () => managers.list(),
    'managers:get': ({ id }) => managers.get(id),
    'managers:create': (draft) => managers.create(draft),
    'managers:update': ({ id, changes }) => managers.update(id, changes),
    'managers:remove': async ({ id }) => {
      await managers.remove(id);
      return null;
    },
    'managers:sessions': ({ managerId }) => managers.sessionsFor(managerId),
    'managers:offboard': ({ id, endDate }) => managers.offboard(id, endDate),
  };
}
