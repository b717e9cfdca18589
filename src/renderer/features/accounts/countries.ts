import { COUNTRY_CODES } from '../../../shared/domain/countries';
import type { SelectOption } from '../../components';

/** Country names in the creator's language (Intl.DisplayNames), sorted by that name. */
export function countryOptions(language: string): SelectOption[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([language, 'en'], { type: 'region' });
  } catch {
    names = null;
  }
  const collator = new Intl.Collator(language);
  return COUNTRY_CODES.map((code) => ({ value: code, label: names?.of(code) ?? code })).sort(
    (a, b) => collator.compare(a.label, b.label),
  );
}
