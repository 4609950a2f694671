import { Checkbox, Field, Input, Radio, RadioGroup, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Indicator } from '../../../../src/contract';
import { directions, indicatorSources, unitTypes, unitsOfMeasure } from '../../../../src/domain/choices';
import type { Direction, IndicatorSource, UnitOfMeasure, UnitType } from '../../../../src/domain/choices';
import { ProblemError } from '../../api/problem-error';
import { ConflictPanel } from '../../components/conflict-panel';
import { FormDialog } from '../../components/form-dialog';
import { fieldError, problemField } from '../../components/field-error';
import { ProblemBar } from '../../components/problem-bar';
import { useConflictSave } from '../../hooks/use-conflict-save';
import type { ConflictWrite } from '../../hooks/use-conflict-save';
import { useI18n } from '../../i18n/i18n';
import { useOrganizer } from '../organizer-context';
import { indicatorChanges, indicatorDraftOf, readIndicator } from './indicator-draft';
import type { IndicatorDraft } from './indicator-draft';

const useStyles = makeStyles({
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: tokens.spacingHorizontalM },
  types: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The fields a problem can be about, each shown beside its field. */
const fields = ['name', 'description', 'source', 'unitOfMeasure', 'direction', 'target', 'koladaKpi', 'unitTypes', 'groups', 'importColumns'];

/**
 * Creates or edits an indicator: what is measured, where it comes from, which way is better, the
 * target, Kolada's KPI id, the unit types it applies to, the groups it is broken down by, and the
 * column headings of imported files that mean it.
 */
export function IndicatorDialog(props: { indicator?: Indicator; onSaved: (indicator: Indicator) => void; onClose: () => void }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api } = useOrganizer();
  const form = useConflictSave<Indicator, IndicatorDraft>({
    initial: props.indicator,
    draftOf: (indicator) => indicatorDraftOf(indicator, format),
    isVersion: isIndicator,
  });
  const { draft, error, conflict, busy } = form;
  const field = problemField(error);
  const unitTypesError = fieldError(error, 'unitTypes');
  const set = <K extends keyof IndicatorDraft>(key: K, value: IndicatorDraft[K]) => form.change((d) => ({ ...d, [key]: value }));
  const typesOf = (types: readonly UnitType[] | undefined) => (types && types.length > 0 ? types.map((type) => t(`vocab.unitType.${type}`)).join(', ') : t('common.allTypes'));

  const write: ConflictWrite<Indicator, IndicatorDraft> = async (current, base, editedFrom) => {
    const read = readIndicator(current);
    if (!read.ok) throw new ProblemError({ status: 400, code: 'notANumber', field: read.field, detail: t('channel.resultsNotANumber') });
    if (base) return api.updateIndicator(base, indicatorChanges(editedFrom ?? base, read.indicator));
    return api.createIndicator(read.indicator);
  };
  const done = (saved: Indicator | undefined) => {
    if (saved) props.onSaved(saved);
  };
  const handleSubmit = () => void form.save(write).then(done);
  const toggleType = (type: UnitType, on: boolean) =>
    set('unitTypes', on ? unitTypes.filter((u) => u === type || draft.unitTypes.includes(u)) : draft.unitTypes.filter((u) => u !== type));

  return (
    <FormDialog values={draft} title={t(props.indicator ? 'organizer.indicatorEdit' : 'organizer.indicatorNew')} saveDisabled={busy || conflict !== null} onSubmit={handleSubmit} onClose={props.onClose}>
          {conflict && (
            <ConflictPanel
              rows={[
                { label: t('organizer.indicatorName'), theirs: conflict.name, mine: draft.name },
                { label: t('common.target'), theirs: format.number(conflict.target), mine: draft.target },
                { label: t('organizer.indicatorKpi'), theirs: conflict.koladaKpi ?? '', mine: draft.koladaKpi },
                { label: t('organizer.indicatorUnitTypes'), theirs: typesOf(conflict.unitTypes), mine: typesOf(draft.unitTypes) },
                { label: t('organizer.indicatorGroups'), theirs: (conflict.groups ?? []).join(', '), mine: draft.groups.split('\n').filter(Boolean).join(', ') },
              ]}
              onUseTheirs={form.takeTheirs}
              onKeepMine={() => void form.keepMine().then(done)}
            />
          )}
          {error !== null && !fields.some((f) => field === f || field?.startsWith(`${f}.`)) && <ProblemBar error={error} />}
          <Field label={t('organizer.indicatorName')} required {...fieldError(error, 'name')}>
            <Input value={draft.name} onChange={(_, d) => set('name', d.value)} />
          </Field>
          <Field label={t('common.description')} {...fieldError(error, 'description')}>
            <Textarea value={draft.description} onChange={(_, d) => set('description', d.value)} resize="vertical" />
          </Field>
          <div className={styles.pair}>
            <Field label={t('common.source')} {...fieldError(error, 'source')}>
              <Select value={draft.source} onChange={(_, d) => set('source', d.value as IndicatorSource)}>
                {indicatorSources.map((s) => <option key={s} value={s}>{t(`vocab.indicatorSource.${s}`)}</option>)}
              </Select>
            </Field>
            <Field label={t('organizer.indicatorUnitOfMeasure')} {...fieldError(error, 'unitOfMeasure')}>
              <Select value={draft.unitOfMeasure} onChange={(_, d) => set('unitOfMeasure', d.value as UnitOfMeasure)}>
                {unitsOfMeasure.map((u) => <option key={u} value={u}>{t(`vocab.unitOfMeasure.${u}`)}</option>)}
              </Select>
            </Field>
          </div>
          <div className={styles.pair}>
            <Field label={t('organizer.indicatorDirection')} {...fieldError(error, 'direction')}>
              <RadioGroup value={draft.direction} onChange={(_, d) => set('direction', d.value as Direction)}>
                {directions.map((d) => <Radio key={d} value={d} label={t(`vocab.direction.${d}`)} />)}
              </RadioGroup>
            </Field>
            <Field label={t('common.target')} hint={t('organizer.indicatorTargetHint')} {...fieldError(error, 'target')}>
              <Input value={draft.target} inputMode="decimal" onChange={(_, d) => set('target', d.value)} />
            </Field>
          </div>
          <Field label={t('organizer.indicatorKpi')} hint={t('organizer.indicatorKpiHint')} {...fieldError(error, 'koladaKpi')}>
            <Input value={draft.koladaKpi} onChange={(_, d) => set('koladaKpi', d.value)} />
          </Field>
          {/* a fieldset, not a Field: a Field gives its one control id to every checkbox inside it */}
          <fieldset className={styles.fieldset} aria-describedby="indicator-unit-types-hint">
            <legend><Text weight="semibold">{t('organizer.indicatorUnitTypes')}</Text></legend>
            <div className={styles.types}>
              {unitTypes.map((type) => (
                <Checkbox key={type} label={t(`vocab.unitType.${type}`)} checked={draft.unitTypes.includes(type)} onChange={(_, d) => toggleType(type, d.checked === true)} />
              ))}
            </div>
            <Text id="indicator-unit-types-hint" size={200}>{t('organizer.indicatorUnitTypesHint')}</Text>
            {unitTypesError.validationMessage !== undefined && <Text role="alert" size={200} className={styles.error}>{unitTypesError.validationMessage}</Text>}
          </fieldset>
          <Field label={t('organizer.indicatorGroups')} hint={t('organizer.indicatorGroupsHint')} {...fieldError(error, 'groups')}>
            <Textarea value={draft.groups} onChange={(_, d) => set('groups', d.value)} resize="vertical" />
          </Field>
          <Field label={t('organizer.indicatorImportColumns')} hint={t('organizer.indicatorImportColumnsHint')} {...fieldError(error, 'importColumns')}>
            <Textarea value={draft.importColumns} onChange={(_, d) => set('importColumns', d.value)} resize="vertical" />
          </Field>
    </FormDialog>
  );
}

function isIndicator(value: unknown): value is Indicator {
  return Boolean(value && typeof value === 'object' && 'id' in value && 'etag' in value && 'unitOfMeasure' in value);
}
