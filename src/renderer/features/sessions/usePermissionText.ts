import { useTranslation } from 'react-i18next';
import type { PermissionOption } from '../../../shared/contract/sessions';
import { isBuiltInPermissionId } from '../../../shared/domain/permissions';

/** A permission's name and "can do" sentence in the UI language (the gateway's label when unknown). */
export function usePermissionText() {
  const { t } = useTranslation('permissions');
  return {
    label: (option: PermissionOption) =>
      option.builtInId && isBuiltInPermissionId(option.builtInId)
        ? t(`perm.${option.builtInId}.label`)
        : option.label,
    can: (option: PermissionOption) =>
      option.builtInId && isBuiltInPermissionId(option.builtInId)
        ? t(`perm.${option.builtInId}.can`)
        : t('card.unknown', { label: option.label }),
  };
}
