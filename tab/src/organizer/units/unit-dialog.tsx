import { Field, Input, Select } from '@fluentui/react-components';
import { FormDialog } from '../../components/form-dialog';
import { useState } from 'react';
import type { Unit } from '../../../../src/contract';
import { unitTypes } from '../../../../src/domain/choices';
import type { UnitType } from '../../../../src/domain';
import { ConflictPanel } from '../../components/conflict-panel';
import { fieldError, problemField } from '../../components/field-error';
import { ProblemBar } from '../../components/problem-bar';
import { useConflictSave } from '../../hooks/use-conflict-save';
import type { ConflictWrite } from '../../hooks/use-conflict-save';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import { DirectoryPicker, type Chosen } from './directory-picker';
import { isUnit, newUnitDraft, newUnitOf, unitChangesBetween, unitDraftFrom, type UnitDraft } from './unit-form-state';
import type { UnitsApi } from './units-api';

/** The names of the people and group a unit has, read from the directory once the dialog opens. */
function useChosenNames(api: UnitsApi, unit: Unit | undefined) {
  const ids = unit?.principalIds ?? [];
  const group = unit?.staffGroupId;
  const [names] = useLoad<Map<string, Chosen>>(async () => {
    const [people, groups] = await Promise.all([
      ids.length > 0 ? api.people(ids).then((answer) => answer.items.map((p) => ({ id: p.userId, name: p.name }))) : Promise.resolve([]),
      group ? api.groups([group]).then((answer) => answer.items.map((g) => ({ id: g.groupId, name: g.name }))) : Promise.resolve([]),
    ]);
    return new Map([...people, ...groups].map((chosen) => [chosen.id, chosen]));
  }, `${unit?.id ?? 'new'}|${ids.join(',')}|${group ?? ''}`);
  return names.status === 'ready' ? names.data : new Map<string, Chosen>();
}

/**
 * Creates a unit or edits one (the administration): name, school form, skolenhetskod, Kolada's
 * unit id, principals and staff group from the directory. A stale eTag opens the conflict panel;
 * a skolenhetskod another unit has is said beside the field.
 */
export function UnitDialog(props: { api: UnitsApi; unit?: Unit; onSaved: (unit: Unit) => void; onClose: () => void }) {
  const { t } = useI18n();
  const loaded = useChosenNames(props.api, props.unit);
  const [picked, setPicked] = useState<Map<string, Chosen>>(new Map());
  const form = useConflictSave<Unit, UnitDraft>({ initial: props.unit, draftOf: (unit) => (unit ? unitDraftFrom(unit) : newUnitDraft()), isVersion: isUnit });
  const { draft, error, conflict, busy } = form;
  const field = problemField(error);
  const chosen = (id: string): Chosen => picked.get(id) ?? loaded.get(id) ?? { id, name: t('setup.unknownInDirectory') };
  const set = <K extends keyof UnitDraft>(key: K, value: UnitDraft[K]) => form.change((d) => ({ ...d, [key]: value }));
  const remember = (people: Chosen[]) => setPicked((known) => new Map([...known, ...people.map((p) => [p.id, p] as const)]));

  const write: ConflictWrite<Unit, UnitDraft> = (current, against, editedFrom) =>
    against ? props.api.updateUnit(against, unitChangesBetween(editedFrom ?? against, current)) : props.api.createUnit(newUnitOf(current));
  const done = (saved: Unit | undefined) => {
    if (saved) props.onSaved(saved);
  };
  const handleSubmit = () => void form.save(write).then(done);
  const typeName = (type: UnitType) => t(`vocab.unitType.${type}`);
  const names = (ids: readonly string[]) => ids.map((id) => chosen(id).name).join(', ');
  const compare = (theirs: Unit, mine: UnitDraft) => [
    { label: t('setup.unitName'), theirs: theirs.name, mine: mine.name },
    { label: t('vocab.term.unitType'), theirs: typeName(theirs.type), mine: typeName(mine.type) },
    { label: t('vocab.term.schoolUnitCode'), theirs: theirs.schoolUnitCode, mine: mine.schoolUnitCode },
    { label: t('vocab.term.koladaUnitId'), theirs: theirs.koladaId ?? '', mine: mine.koladaId },
    { label: t('vocab.term.principals'), theirs: names(theirs.principalIds), mine: names(mine.principalIds) },
    { label: t('vocab.term.staffGroup'), theirs: theirs.staffGroupId ? chosen(theirs.staffGroupId).name : '', mine: mine.staffGroupId ? chosen(mine.staffGroupId).name : '' },
  ];

  return (
    <FormDialog values={draft} title={props.unit ? t('setup.editUnit', { name: props.unit.name }) : t('setup.newUnit')} saveDisabled={busy || conflict !== null} onSubmit={handleSubmit} onClose={props.onClose}>
      {conflict && <ConflictPanel rows={compare(conflict, draft)} onUseTheirs={form.takeTheirs} onKeepMine={() => void form.keepMine().then(done)} />}
      {error !== null && !field && <ProblemBar error={error} />}
      <Field label={t('setup.unitName')} required {...fieldError(error, 'name')}>
        <Input value={draft.name} onChange={(_, d) => set('name', d.value)} />
      </Field>
      <Field label={t('vocab.term.unitType')} required {...fieldError(error, 'type')}>
        <Select value={draft.type} onChange={(_, d) => set('type', unitTypes.find((type) => type === d.value) ?? draft.type)}>
          {unitTypes.map((type) => <option key={type} value={type}>{typeName(type)}</option>)}
        </Select>
      </Field>
      <Field label={t('vocab.term.schoolUnitCode')} required hint={t('setup.schoolUnitCodeHint')} {...fieldError(error, 'schoolUnitCode')}>
        <Input value={draft.schoolUnitCode} inputMode="numeric" maxLength={8} onChange={(_, d) => set('schoolUnitCode', d.value)} />
      </Field>
      <Field label={t('vocab.term.koladaUnitId')} hint={t('setup.koladaIdHint')} {...fieldError(error, 'koladaId')}>
        <Input value={draft.koladaId} onChange={(_, d) => set('koladaId', d.value.toUpperCase())} />
      </Field>
      <DirectoryPicker
        api={props.api} kind="people" multiple label={t('vocab.term.principals')}
        chosen={draft.principalIds.map(chosen)}
        onChange={(people) => { remember(people); set('principalIds', people.map((p) => p.id)); }}
        validation={fieldError(error, 'principalIds')}
      />
      <DirectoryPicker
        api={props.api} kind="groups" multiple={false} label={t('vocab.term.staffGroup')}
        chosen={draft.staffGroupId ? [chosen(draft.staffGroupId)] : []}
        onChange={(groups) => { remember(groups); set('staffGroupId', groups[0]?.id ?? ''); }}
        validation={fieldError(error, 'staffGroupId')}
      />
    </FormDialog>
  );
}
