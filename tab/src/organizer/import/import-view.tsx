import {
  Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Radio, RadioGroup, Text, Textarea,
  makeStyles, tokens, useId,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { ProblemError } from '../../api/problem-error';
import { ProblemBar } from '../../components/problem-bar';
import { useOrganizer } from '../organizer-context';
import { useI18n } from '../../i18n/i18n';
import type { ImportError, ImportJob, ImportKind, ImportPreview } from '../../../../src/contract';
import { followImport } from '../organizer-api';
import { fileAsBase64 } from './file-bytes';
import { ColumnMapping } from './column-mapping';
import { ErrorTable, ImportJobTable, MappingList, NoteTable, RowTable, rowsShown } from './import-tables';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  file: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  csv: { fontFamily: tokens.fontFamilyMonospace },
  fetch: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type Step =
  | { step: 'edit' }
  | { step: 'previewing' }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'committing'; preview: ImportPreview }
  | { step: 'refused'; errors: ImportError[]; detail: string };

/** The rows in error a refused commit carries (the problem's `errors` extension). */
function refusedRows(error: unknown): ImportError[] | undefined {
  if (!(error instanceof ProblemError) || error.status !== 400 || !Array.isArray(error.current)) return undefined;
  return error.current.filter((e): e is ImportError => typeof e === 'object' && e !== null && 'line' in e && 'message' in e);
}

/**
 * Importera resultat: paste or choose a CSV file (Kolada or Skolverket), preview it with every
 * error on its line and how long it takes, then commit: the server runs it as a background job,
 * which the view follows (and finds again when the page is opened later), all or nothing. The
 * same file again changes nothing.
 */
export default function ImportView() {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useOrganizer();
  const fileId = useId('import-file');
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<ImportKind>('kolada');
  const [csv, setCsv] = useState('');
  /** the chosen file's bytes in base64; a pasted text replaces it */
  const [file, setFile] = useState<string | null>(null);
  const [period, setPeriod] = useState('');
  /** what to fetch from Kolada's open API instead of a file (the server fetches it) */
  const [koladaKpi, setKoladaKpi] = useState('');
  const [koladaYear, setKoladaYear] = useState('');
  const [fromKolada, setFromKolada] = useState<{ kpi: string; year: number } | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ step: 'edit' });
  const [error, setError] = useState<unknown>(null);
  /** the import this view follows: the one just committed, or one that was running when the page opened */
  const [job, setJob] = useState<ImportJob | null>(null);
  const [recent, setRecent] = useState<readonly ImportJob[]>([]);
  const closed = useRef(false);
  const follow = async (started: ImportJob) => {
    setJob(started);
    const last = await followImport(api, started, setJob, { stopped: () => closed.current });
    if (!closed.current) setRecent((await api.recentImports()).items);
    return last;
  };
  useEffect(() => {
    closed.current = false;
    void (async () => {
      const { items } = await api.recentImports();
      if (closed.current) return;
      setRecent(items);
      const running = items.find((item) => item.state === 'queued' || item.state === 'running');
      if (running) await follow(running);
    })().catch(setError);
    return () => { closed.current = true; };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per opening of the view
  }, [api]);
  const request = (kolada = fromKolada) => ({
    kind, ...(kolada !== null ? { kolada } : file !== null ? { file } : { csv }), ...(kind === 'skolverket' && period.trim() ? { period: period.trim() } : {}),
  });
  const edited = () => {
    setStep({ step: 'edit' });
    setError(null);
  };

  const handleFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    setFileName(chosen.name);
    setFile(await fileAsBase64(chosen));
    setCsv('');
    setFromKolada(null);
    edited();
  };
  const handlePreview = async (kolada = fromKolada) => {
    if (kolada === null && file === null && !csv.trim()) return setError(new ProblemError({ status: 400, detail: t('organizer.importEmpty') }));
    setError(null);
    setFromKolada(kolada);
    setStep({ step: 'previewing' });
    try {
      setStep({ step: 'preview', preview: await api.previewImport(request(kolada)) });
    } catch (caught) {
      setError(caught);
      setStep({ step: 'edit' });
    }
  };
  const handleCommit = async (preview: ImportPreview) => {
    setError(null);
    setStep({ step: 'committing', preview });
    try {
      const queued = await api.commitImport(request());
      setStep({ step: 'edit' });
      await follow(queued);
    } catch (caught) {
      const rows = refusedRows(caught);
      if (rows) setStep({ step: 'refused', errors: rows, detail: caught instanceof ProblemError ? caught.detail : '' });
      else {
        setError(caught);
        setStep({ step: 'preview', preview });
      }
    }
  };

  const preview = step.step === 'preview' || step.step === 'committing' ? step.preview : undefined;
  const toWrite = preview ? preview.summary.create + preview.summary.update : 0;
  return (
    <div className={styles.root} data-testid="import">
      <Text as="h2" size={500} weight="semibold">{t('organizer.importResults')}</Text>
      <Text>{t('organizer.importIntro')}</Text>
      <Field label={t('organizer.importKind')}>
        <RadioGroup value={kind} onChange={(_, d) => { setKind(d.value === 'skolverket' ? 'skolverket' : 'kolada'); edited(); }} layout="horizontal">
          <Radio value="kolada" label={t('organizer.importKolada')} />
          <Radio value="skolverket" label={t('organizer.importSkolverket')} />
        </RadioGroup>
      </Field>
      {kind === 'skolverket' && (
        <Field label={t('organizer.importPeriod')}>
          <Input value={period} placeholder="2025/26" onChange={(_, d) => { setPeriod(d.value); edited(); }} />
        </Field>
      )}
      {kind === 'kolada' && (
        <fieldset className={styles.fetch} data-testid="import-kolada-fetch">
          <legend>{t('organizer.importFetchKolada')}</legend>
          <Text size={200}>{t('organizer.importFetchKoladaHelp')}</Text>
          <div className={styles.row}>
            <Field label={t('organizer.indicatorKpi')}><Input value={koladaKpi} placeholder="N15503" onChange={(_, d) => { setKoladaKpi(d.value); edited(); }} /></Field>
            <Field label={t('organizer.importFetchYear')}><Input value={koladaYear} inputMode="numeric" placeholder="2025" onChange={(_, d) => { setKoladaYear(d.value); edited(); }} /></Field>
            <Button onClick={() => void handlePreview({ kpi: koladaKpi.trim().toUpperCase(), year: Number(koladaYear.trim()) })}
              disabled={step.step === 'previewing' || step.step === 'committing' || !koladaKpi.trim() || !/^\d{4}$/.test(koladaYear.trim())}>{t('organizer.importFetchPreview')}</Button>
          </div>
        </fieldset>
      )}
      <div className={styles.file}>
        {/* The browser's own file button speaks the browser's language; ours speaks the tab's. */}
        <input id={fileId} ref={fileInput} type="file" hidden accept=".csv,.txt,.json,.xlsx,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(event) => void handleFile(event)} data-testid="import-file" />
        <div><Button onClick={() => fileInput.current?.click()}>{t('organizer.importFile')}</Button></div>
        {fileName && <Text size={200} role="status">{fileName}</Text>}
      </div>
      <Field label={t('organizer.importText')}>
        <Textarea className={styles.csv} value={csv} rows={8} resize="vertical" onChange={(_, d) => { setCsv(d.value); setFile(null); setFileName(null); setFromKolada(null); edited(); }} />
      </Field>
      <div className={styles.row}>
        <Button appearance={preview ? 'secondary' : 'primary'} onClick={() => void handlePreview(null)} disabled={step.step === 'previewing' || step.step === 'committing'}>{t('organizer.importPreview')}</Button>
        {preview && preview.errors.length === 0 && toWrite > 0 && (
          <Button appearance="primary" onClick={() => void handleCommit(preview)} disabled={step.step === 'committing'}>{t('organizer.importCommit', { count: toWrite })}</Button>
        )}
      </div>
      {error !== null && <ProblemBar error={error} />}
      {step.step === 'previewing' && <ProgressBar aria-label={t('organizer.importPreview')} />}
      {step.step === 'committing' && <ProgressBar aria-label={t('organizer.importCommit', { count: toWrite })} />}
      {job !== null && <FollowedImport job={job} />}
      {preview && <PreviewResult preview={preview} onMapped={() => void handlePreview()} />}
      {step.step === 'refused' && (
        <>
          <MessageBar intent="error" role="alert"><MessageBarBody><MessageBarTitle>{t('organizer.importErrorsTitle', { count: step.errors.length })}</MessageBarTitle>{step.detail}</MessageBarBody></MessageBar>
          <ErrorTable errors={step.errors} caption={t('organizer.importErrorsTitle', { count: step.errors.length })} />
        </>
      )}
      {recent.length > 0 && (
        <section aria-labelledby="import-jobs" className={styles.section}>
          <Text as="h3" id="import-jobs" size={400} weight="semibold">{t('organizer.importJobsTitle')}</Text>
          <ImportJobTable jobs={recent} caption={t('organizer.importJobsTitle')} />
        </section>
      )}
    </div>
  );
}

/** The followed import: its progress while it runs, then what it did or why it failed. */
function FollowedImport({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  if (job.state === 'done') {
    return (
      <MessageBar intent="success" role="status" data-testid="import-done">
        <MessageBarBody>{t('organizer.importDone', { created: job.created, updated: job.updated, unchanged: job.unchanged })}</MessageBarBody>
      </MessageBar>
    );
  }
  if (job.state === 'failed') {
    return (
      <MessageBar intent="error" role="alert" data-testid="import-failed">
        <MessageBarBody>{t('organizer.importFailed', { reason: job.failure ?? '' })}</MessageBarBody>
      </MessageBar>
    );
  }
  const progress = t('organizer.importProgress', { done: job.written, total: job.total });
  return (
    <Field label={job.state === 'queued' ? t('organizer.importQueued') : progress} validationState="none" data-testid="import-progress">
      <ProgressBar value={job.total > 0 ? job.written / job.total : 0} max={1} aria-valuetext={progress} />
    </Field>
  );
}

function PreviewResult({ preview, onMapped }: { preview: ImportPreview; onMapped: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { summary } = preview;
  return (
    <section aria-labelledby="import-preview" data-testid="import-preview" className={styles.section}>
      <Text as="h3" id="import-preview" size={400} weight="semibold">{t('organizer.importRowsTitle')}</Text>
      <Text as="p" role="status">{t('organizer.importSummary', { create: summary.create, update: summary.update, unchanged: summary.unchanged, skipped: summary.skipped })}</Text>
      <Text as="p" size={200} data-testid="import-read-as">
        {summary.format === 'xlsx' ? t('organizer.importReadXlsx') : summary.format === 'json' ? t('organizer.importReadJson') : t('organizer.importReadCsv', { delimiter: summary.delimiter === '\t' ? 'tab' : summary.delimiter })}
        {summary.encoding && ` ${t('organizer.importEncoding', { encoding: t(summary.encoding === 'windows-1252' ? 'organizer.encodingWindows1252' : summary.encoding === 'utf-8-bom' ? 'organizer.encodingUtf8Bom' : 'organizer.encodingUtf8') })}`}
      </Text>
      {summary.create + summary.update > 0 && summary.errors === 0 && (
        <Text as="p" data-testid="import-duration">{summary.minutes > 1 ? t('organizer.importDuration', { minutes: summary.minutes }) : t('organizer.importDurationShort')}</Text>
      )}
      {summary.mappings.length > 0 && <MappingList mappings={summary.mappings} />}
      {summary.ignoredColumns.length > 0 && <Text as="p" size={200}>{t('organizer.importIgnoredColumns', { columns: summary.ignoredColumns.join(', ') })}</Text>}
      {summary.unmatchedColumns.length > 0 && <ColumnMapping key={summary.unmatchedColumns.join('\n')} columns={summary.unmatchedColumns} onMapped={onMapped} />}
      {preview.errors.length > 0 ? (
        <>
          <MessageBar intent="error" role="alert">
            <MessageBarBody><MessageBarTitle>{t('organizer.importErrorsTitle', { count: summary.errors })}</MessageBarTitle></MessageBarBody>
          </MessageBar>
          <ErrorTable errors={preview.errors} caption={t('organizer.importErrorsTitle', { count: summary.errors })} />
        </>
      ) : summary.create + summary.update === 0 ? (
        <MessageBar intent="info"><MessageBarBody>{t('organizer.importNothingToDo')}</MessageBarBody></MessageBar>
      ) : null}
      {summary.notes.length > 0 && <NoteTable notes={summary.notes} caption={t('organizer.importNotesTitle', { count: summary.notes.length })} />}
      {preview.rows.length > 0 && (
        <>
          {(preview.truncated || preview.rows.length > rowsShown) && <Text as="p" size={200}>{t('organizer.importTruncated', { rows: summary.rows })}</Text>}
          <RowTable rows={preview.rows} caption={t('organizer.importRowsTitle')} />
        </>
      )}
    </section>
  );
}
