import type { Handlers } from '../dispatcher';
import type { MonitorService } from '../../services/monitor';

export function monitorHandlers(
  monitor: MonitorService,
): Pick<Handlers, 'monitor:status' | 'monitor:refreshNow'> {
  return {
    'monitor:status': () => monitor.getStatus(),
    'monitor:refreshNow': () => monitor.refreshNow(),
  };
}
