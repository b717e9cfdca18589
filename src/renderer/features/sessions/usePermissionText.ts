import { useTranslation } from 'react-i18next';
import type { PermissionOption } from '../../../shared/contract/sessions';
import { builtInEquivalent, isBuiltInPermissionId } from '../../../shared/domain/permissions';

/** A permission's name and "can do" sentence in the UI language (the gateway's label when unknown). */
export function usePermissionText() {
  const { t } = useTranslation('permissions');
  const label = (option: PermissionOption) =>
    option.builtInId && isBuiltInPermissionId(option.builtInId)
      ? t(`perm.${option.builtInId}.label`)
      : option.label;
  return {
    label,
    can: (option: PermissionOption) =>
      option.builtInId && isBuiltInPermissionId(option.builtInId)
        ? t(`perm.${option.builtInId}.can`)
        : t('card.unknown', { label: option.label }),
    /**
     * A permission known only by its id, where no catalogue is at hand: ids the gateway
     * shares with Doorman's built-ins are named in the UI language, others by their id.
     */
    labelOfId: (id: string) => label({ id, label: id, builtInId: builtInEquivalent({ id }) }),
  };
}
