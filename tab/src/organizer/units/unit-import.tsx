import {
  Button, Checkbox, Field, Input, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Select, Table, TableBody, TableCell,
  TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens, useId,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { UnitImportPreview, UnitImportResult, UnitImportRow } from '../../../../src/contract';
import { unitTypes } from '../../../../src/domain/choices';
import type { RegisterStatus, UnitImportReason, UnitType } from '../../../../src/domain';
import { ProblemError } from '../../api/problem-error';
import { useSession } from '../../auth/session';
import { fieldError, problemField } from '../../components/field-error';
import { FileButton } from '../../components/file-button';
import { ProblemBar } from '../../components/problem-bar';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/i18n';
import type { UnitImportRequest, UnitsApi } from './units-api';

const reasonKeys = {
  notActive: 'setup.reasonNotActive', archived: 'setup.reasonArchived', noSchoolForm: 'setup.reasonNoSchoolForm',
  duplicateInFile: 'setup.reasonDuplicateInFile', invalid: 'setup.reasonInvalid',
} as const satisfies Record<UnitImportReason, MessageKey>;
const statusKeys = {
  AKTIV: 'setup.statusActive', VILANDE: 'setup.statusDormant', UPPHORT: 'setup.statusClosed', PLANERAD: 'vocab.actionStatus.planned',
} as const satisfies Record<RegisterStatus, MessageKey>;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '960px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  file: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  table: { overflowX: 'auto' },
});

type Step = { step: 'edit' } | { step: 'previewing' } | { step: 'preview'; preview: UnitImportPreview } | { step: 'committing'; preview: UnitImportPreview } | { step: 'done'; result: UnitImportResult };

/**
 * Imports the municipality's units from Skolverket's school-unit register: fetched by municipality
 * code where the server reaches the register, or from the register's JSON as a file; a preview of
 * what each unit would become, then all or nothing. A re-import updates names and school forms and
 * adds new units; it never removes one.
 */
export function UnitImport({ api, onImported }: { api: UnitsApi; onImported?: (result: UnitImportResult) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { config } = useSession();
  const fileId = useId('unit-import-file');
  const [source, setSource] = useState<'municipality' | 'file'>(config.schoolUnitRegister ? 'municipality' : 'file');
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [json, setJson] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [defaultType, setDefaultType] = useState<UnitType | ''>('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [step, setStep] = useState<Step>({ step: 'edit' });
  const [error, setError] = useState<unknown>(null);
  const field = problemField(error);

  const edited = () => {
    setStep({ step: 'edit' });
    setError(null);
  };
  const request = (): UnitImportRequest => ({
    source: source === 'municipality' ? { kind: 'municipality', municipalityCode: municipalityCode.trim() } : { kind: 'file', json },
    ...(defaultType ? { defaultType } : {}),
    ...(includeInactive ? { includeInactive } : {}),
  });
  const handleFile = (text: string, name: string) => {
    setFileName(name);
    setJson(text);
    edited();
  };
  const handlePreview = async () => {
    if (source === 'file' && !json) return setError(new ProblemError({ status: 400, detail: t('setup.importChooseFile') }));
    setError(null);
    setStep({ step: 'previewing' });
    try {
      setStep({ step: 'preview', preview: await api.previewImport(request()) });
    } catch (caught) {
      setError(caught);
      setStep({ step: 'edit' });
    }
  };
  const handleCommit = async (preview: UnitImportPreview) => {
    setError(null);
    setStep({ step: 'committing', preview });
    try {
      const result = await api.commitImport(request());
      setStep({ step: 'done', result });
      onImported?.(result);
    } catch (caught) {
      setError(caught);
      setStep({ step: 'preview', preview });
    }
  };

  const preview = step.step === 'preview' || step.step === 'committing' ? step.preview : undefined;
  const toWrite = preview ? preview.summary.create + preview.summary.update : 0;
  return (
    <section className={styles.root} aria-labelledby="unit-import-title" data-testid="unit-import">
      <Text as="h3" id="unit-import-title" size={400} weight="semibold">{t('setup.importTitle')}</Text>
      <Text>{t('setup.importIntro')}</Text>
      {config.schoolUnitRegister && (
        <Field label={t('setup.importSource')}>
          <RadioGroup value={source} onChange={(_, d) => { setSource(d.value === 'file' ? 'file' : 'municipality'); edited(); }} layout="horizontal">
            <Radio value="municipality" label={t('setup.importFromRegister')} />
            <Radio value="file" label={t('setup.importFromFile')} />
          </RadioGroup>
        </Field>
      )}
      {source === 'municipality' ? (
        <Field label={t('setup.municipalityCode')} hint={t('setup.municipalityCodeHint')} {...fieldError(error, 'source.municipalityCode')}>
          <Input value={municipalityCode} inputMode="numeric" maxLength={4} onChange={(_, d) => { setMunicipalityCode(d.value); edited(); }} />
        </Field>
      ) : (
        <div className={styles.file}>
          <Text id={`${fileId}-label`} weight="semibold">{t('setup.importFile')}</Text>
          <Text size={200}>{t('setup.importFileHint')}</Text>
          <FileButton accept=".json,application/json" testId="unit-import-file" fileName={fileName} describedBy={`${fileId}-label`} onText={handleFile} />
          {field === 'source.json' && <ProblemBar error={error} />}
        </div>
      )}
      <div className={styles.row}>
        <Field label={t('setup.defaultType')} hint={t('setup.defaultTypeHint')}>
          <Select value={defaultType} onChange={(_, d) => { setDefaultType(unitTypes.find((type) => type === d.value) ?? ''); edited(); }}>
            <option value="">{t('setup.defaultTypeNone')}</option>
            {unitTypes.map((type) => <option key={type} value={type}>{t(`vocab.unitType.${type}`)}</option>)}
          </Select>
        </Field>
        <Checkbox checked={includeInactive} onChange={(_, d) => { setIncludeInactive(d.checked === true); edited(); }} label={t('setup.includeInactive')} />
      </div>
      <div className={styles.row}>
        <Button appearance={preview ? 'secondary' : 'primary'} onClick={() => void handlePreview()} disabled={step.step === 'previewing' || step.step === 'committing'}>{t('organizer.importPreview')}</Button>
        {preview && preview.summary.refused === 0 && toWrite > 0 && (
          <Button appearance="primary" onClick={() => void handleCommit(preview)} disabled={step.step === 'committing'}>{t('setup.importCommit', { count: toWrite })}</Button>
        )}
      </div>
      {error !== null && field !== 'source.json' && !(field === 'source.municipalityCode' && source === 'municipality') && <ProblemBar error={error} />}
      {(step.step === 'previewing' || step.step === 'committing') && <ProgressBar aria-label={t(step.step === 'previewing' ? 'organizer.importPreview' : 'setup.importSaving')} />}
      {preview && <ImportPreviewResult preview={preview} />}
      {step.step === 'done' && (
        <MessageBar intent="success" role="status" data-testid="unit-import-done">
          <MessageBarBody>{t('setup.importDone', { created: step.result.created, updated: step.result.updated, unchanged: step.result.unchanged })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function ImportPreviewResult({ preview }: { preview: UnitImportPreview }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { summary } = preview;
  const change = (row: UnitImportRow): string => {
    if (row.change === 'create') return t('organizer.changeCreate');
    if (row.change === 'unchanged') return t('organizer.changeUnchanged');
    if (row.change === 'update') {
      return row.previousName !== undefined && row.previousName !== row.name ? t('setup.changeRenamed', { previous: row.previousName }) : t('setup.changeRetyped', { previous: row.previousType ? t(`vocab.unitType.${row.previousType}`) : '' });
    }
    const reason = row.reason ? t(reasonKeys[row.reason]) : '';
    return row.change === 'skipped' ? t('setup.changeSkipped', { reason }) : t('setup.changeRefused', { reason });
  };
  return (
    <section aria-labelledby="unit-import-preview" data-testid="unit-import-preview" className={styles.root}>
      <Text as="h4" id="unit-import-preview" size={300} weight="semibold">{t('organizer.importRowsTitle')}</Text>
      <Text as="p" role="status">{t('setup.importSummary', { create: summary.create, update: summary.update, unchanged: summary.unchanged, skipped: summary.skipped, refused: summary.refused })}</Text>
      {summary.refused > 0 && <MessageBar intent="warning"><MessageBarBody>{t('setup.importRefused', { count: summary.refused })}</MessageBarBody></MessageBar>}
      {summary.refused === 0 && summary.create + summary.update === 0 && <MessageBar intent="info"><MessageBarBody>{t('setup.importNothingToDo')}</MessageBarBody></MessageBar>}
      {preview.rows.length > 0 && (
        <div className={styles.table}>
          <Table size="small" aria-label={t('organizer.importRowsTitle')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('common.unit')}</TableHeaderCell>
                <TableHeaderCell>{t('vocab.term.schoolUnitCode')}</TableHeaderCell>
                <TableHeaderCell>{t('vocab.term.unitType')}</TableHeaderCell>
                <TableHeaderCell>{t('setup.registerStatus')}</TableHeaderCell>
                <TableHeaderCell>{t('organizer.importChange')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.rows.map((row) => (
                <TableRow key={row.schoolUnitCode + row.change}>
                  <TableCell>{row.name}</TableCell>
                  <TableCell>{row.schoolUnitCode}</TableCell>
                  <TableCell>{row.type ? t(`vocab.unitType.${row.type}`) : '–'}</TableCell>
                  <TableCell>{t(statusKeys[row.status])}</TableCell>
                  <TableCell>{change(row)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {preview.missing.length > 0 && (
        <>
          <Text as="h4" size={300} weight="semibold">{t('setup.missingTitle', { count: preview.missing.length })}</Text>
          <Text>{t('setup.missingIntro')}</Text>
          <ul>{preview.missing.map((unit) => <li key={unit.unitId}>{`${unit.name} (${unit.schoolUnitCode})`}</li>)}</ul>
        </>
      )}
    </section>
  );
}
