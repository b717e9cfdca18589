import type { Handlers } from '../dispatcher';
import type { BackupService } from '../../services/backup/backup-service';

export function backupHandlers(
  backup: BackupService,
): Pick<Handlers, 'backup:create' | 'backup:inspect' | 'backup:restore' | 'backup:restartNow'> {
  return {
    'backup:create': () => backup.create(),
    'backup:inspect': ({ content }) => backup.inspect(content),
    'backup:restore': ({ content }) => backup.stageRestore(content),
    'backup:restartNow': () => {
      backup.restartNow();
      return null;
    },
  };
}
