import type { Handlers } from '../dispatcher';
import type { SettingsService } from '../../services/settings';

export function settingsHandlers(
  settings: SettingsService,
): Pick<Handlers, 'settings:get' | 'settings:set'> {
  return {
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.set(patch),
  };
}
