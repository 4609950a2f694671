import { useI18n } from '../i18n/i18n';
import { groupedOwnerOptions, type OwnerOption } from '../util/owner-options';

/** The `<option>`s of an owner picker: by role in the unit (Rektor, Personal, Övriga), each by name. */
export function OwnerSelectOptions({ options }: { options: readonly OwnerOption[] }) {
  const { language } = useI18n();
  return (
    <>
      {groupedOwnerOptions(options, language).map((group) => {
        const items = group.options.map((person) => <option key={person.id} value={person.id}>{person.name}</option>);
        return group.label === undefined ? items : <optgroup key={group.label} label={group.label}>{items}</optgroup>;
      })}
    </>
  );
}
