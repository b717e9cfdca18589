import type { Handlers } from '../dispatcher';
import type { ActivityService } from '../../services/activity/activity-service';
import type { ReportService } from '../../services/report/evidence-report';

export function activityHandlers(
  activity: ActivityService,
  reports: ReportService,
): Pick<Handlers, 'activity:list' | 'activity:months' | 'activity:exportReport'> {
  return {
    'activity:list': (input) => activity.list(input),
    'activity:months': () => activity.availableMonths(),
    'activity:exportReport': (input) => reports.export(input),
  };
}
