import type { Handlers } from '../dispatcher';
import type { OverviewService } from '../../services/overview';

export function overviewHandlers(overview: OverviewService): Pick<Handlers, 'overview:get'> {
  return {
    'overview:get': (input) => overview.get(input),
  };
}
