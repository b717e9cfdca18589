import type { AppInfo } from '../../../shared/contract';
import { DoormanError } from '../../../shared/errors';
import type { Handlers } from '../dispatcher';
import type { StorageNoticeLog } from '../../platform/json-store';
import type { SecretBox } from '../../platform/secret-box';
import { isAllowedExternalUrl } from '../../platform/external-links';

export function appHandlers(deps: {
  info: Omit<AppInfo, 'keychain'>;
  secretBox: SecretBox;
  notices: StorageNoticeLog;
  openExternal: (url: string) => Promise<void>;
}): Pick<
  Handlers,
  'app:info' | 'app:openExternal' | 'app:storageNotices' | 'app:dismissStorageNotices'
> {
  return {
    'app:info': () => ({
      ...deps.info,
      keychain: { available: deps.secretBox.isOsProtected(), backend: deps.secretBox.backend() },
    }),
    'app:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new DoormanError(
          'invalidInput',
          'Doorman only opens https pages on fansly.com and the gateway’s site.',
        );
      }
      await deps.openExternal(url);
      return null;
    },
    'app:storageNotices': () => deps.notices.list(),
    'app:dismissStorageNotices': () => {
      deps.notices.clear();
      return null;
    },
  };
}
