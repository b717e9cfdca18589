import { useTranslation } from 'react-i18next';
import type { PermissionCatalogue } from '../../../shared/contract/sessions';
import { PRESETS, PRESET_IDS, type PresetId } from '../../../shared/domain/permissions';
import { Button, Checkbox } from '../../components';
import { usePermissionText } from './usePermissionText';

/** A preset's permissions in this catalogue's ids (a gateway may name them differently). */
export function presetIds(preset: PresetId, catalogue: PermissionCatalogue): string[] {
  const wanted = new Set<string>(PRESETS[preset]);
  return catalogue.permissions
    .filter((p) => p.builtInId !== null && wanted.has(p.builtInId))
    .map((p) => p.id);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Presets plus one toggle per permission; the caller shows the access card beside it. */
export function PermissionPicker({
  catalogue,
  value,
  onChange,
}: {
  catalogue: PermissionCatalogue;
  value: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const { t } = useTranslation('permissions');
  const text = usePermissionText();
  const active = PRESET_IDS.find((preset) => sameSet(presetIds(preset, catalogue), value));
  return (
    <div className="permission-picker">
      <div role="group" aria-label={t('presets.title')} className="permission-picker__presets">
        {PRESET_IDS.map((preset) => (
          <Button
            key={preset}
            variant={active === preset ? 'primary' : 'secondary'}
            aria-pressed={active === preset}
            onClick={() => onChange(presetIds(preset, catalogue))}
          >
            {t(`presets.${preset}`)}
          </Button>
        ))}
      </div>
      <p className="permission-picker__source">
        {catalogue.source === 'gateway' ? t('source.gateway') : t('source.builtIn')}
      </p>
      <fieldset className="permission-picker__toggles">
        <legend>{active ? t(`presets.${active}`) : t('presets.custom')}</legend>
        {catalogue.permissions.map((option) => (
          <Checkbox
            key={option.id}
            label={text.label(option)}
            checked={value.includes(option.id)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...value, option.id]
                  : value.filter((id) => id !== option.id),
              )
            }
          />
        ))}
      </fieldset>
    </div>
  );
}
