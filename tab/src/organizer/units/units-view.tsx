import {
  Button, Checkbox, Field, MessageBar, MessageBarBody,
  SearchBox, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useMemo, useState } from 'react';
import type { Unit } from '../../../../src/contract';
import { unitTypes } from '../../../../src/domain/choices';
import type { UnitType } from '../../../../src/domain';
import { useSession } from '../../auth/session';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import { UnitDialog } from './unit-dialog';
import { UnitImport } from './unit-import';
import { UnitsApi } from './units-api';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  table: { overflowX: 'auto' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** What the list shows of the units: by type, by a part of the name or the code, archived or not. */
export function filterUnits(units: readonly Unit[], filter: { type: UnitType | ''; search: string; archived: boolean }): Unit[] {
  const needle = filter.search.trim().toLocaleLowerCase('sv');
  return units
    .filter((unit) => filter.archived || unit.archivedAt === undefined)
    .filter((unit) => filter.type === '' || unit.type === filter.type)
    .filter((unit) => needle === '' || unit.name.toLocaleLowerCase('sv').includes(needle) || unit.schoolUnitCode.includes(needle))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

type Editing = { kind: 'new' } | { kind: 'edit'; unit: Unit } | null;
type Confirming = { kind: 'archive' | 'restore'; unit: Unit } | null;

/**
 * Enheter: the municipality's units, filtered by school form and searched by name or
 * skolenhetskod; a dialog creates and edits them (principals and staff group from the directory);
 * archiving and restoring ask first; units come in from Skolverket's register with a preview.
 */
export default function UnitsView() {
  const styles = useStyles();
  const { t } = useI18n();
  const { api: client } = useSession();
  const api = useMemo(() => new UnitsApi(client), [client]);
  const [units, reload] = useLoad(() => api.units(), 'units');
  const [type, setType] = useState<UnitType | ''>('');
  const [search, setSearch] = useState('');
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [importing, setImporting] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);

  const handleSaved = (unit: Unit) => {
    setEditing(null);
    setStatus(t('setup.unitSaved', { name: unit.name }));
    reload();
  };
  const handleConfirm = async () => {
    if (!confirming) return;
    setError(null);
    try {
      const saved = confirming.kind === 'archive' ? await api.archive(confirming.unit) : await api.restore(confirming.unit);
      setStatus(t(confirming.kind === 'archive' ? 'setup.unitArchived' : 'setup.unitRestored', { name: saved.name }));
      reload();
    } catch (caught) {
      setError(caught);
    }
    setConfirming(null);
  };

  if (units.status === 'loading') return <StatusScreen as="div" busy message={t('common.loading')} />;
  if (units.status === 'error') return <ProblemBar error={units.error} />;
  const shown = filterUnits(units.data.items, { type, search, archived });
  const typeName = (value: UnitType) => t(`vocab.unitType.${value}`);

  return (
    <div className={styles.root} data-testid="units">
      <Text as="h2" size={500} weight="semibold">{t('common.units')}</Text>
      <Text>{t('setup.unitsIntro')}</Text>
      <div className={styles.toolbar}>
        <Button appearance="primary" onClick={() => setEditing({ kind: 'new' })}>{t('setup.newUnit')}</Button>
        <Button onClick={() => setImporting((open) => !open)} aria-expanded={importing}>{t('setup.importOpen')}</Button>
      </div>
      {importing && <UnitImport api={api} onImported={() => reload()} />}
      <div className={styles.toolbar}>
        <Field label={t('setup.unitsSearch')}>
          <SearchBox value={search} onChange={(_, d) => setSearch(d.value)} />
        </Field>
        <Field label={t('vocab.term.unitType')}>
          <Select value={type} onChange={(_, d) => setType(unitTypes.find((value) => value === d.value) ?? '')}>
            <option value="">{t('common.allTypes')}</option>
            {unitTypes.map((value) => <option key={value} value={value}>{typeName(value)}</option>)}
          </Select>
        </Field>
        <Checkbox checked={archived} onChange={(_, d) => setArchived(d.checked === true)} label={t('setup.showArchived')} />
      </div>
      {status && <MessageBar intent="success" role="status"><MessageBarBody>{status}</MessageBarBody></MessageBar>}
      {error !== null && <ProblemBar error={error} />}
      {units.data.items.length === 0 ? <Text role="status">{t('setup.noUnits')}</Text> : shown.length === 0 ? <Text role="status">{t('setup.noUnitsMatch')}</Text> : (
        <div className={styles.table}>
          <Table aria-label={t('common.units')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('setup.unitName')}</TableHeaderCell>
                <TableHeaderCell>{t('vocab.term.unitType')}</TableHeaderCell>
                <TableHeaderCell>{t('vocab.term.schoolUnitCode')}</TableHeaderCell>
                <TableHeaderCell>{t('vocab.term.principals')}</TableHeaderCell>
                <TableHeaderCell>{t('vocab.term.staffGroup')}</TableHeaderCell>
                <TableHeaderCell>{t('common.status')}</TableHeaderCell>
                <TableHeaderCell>{t('setup.unitActions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((unit) => (
                <TableRow key={unit.id} data-testid={`unit-${unit.schoolUnitCode}`}>
                  <TableCell>{unit.name}</TableCell>
                  <TableCell>{typeName(unit.type)}</TableCell>
                  <TableCell>{unit.schoolUnitCode}</TableCell>
                  <TableCell>{unit.principalIds.length === 0 ? t('setup.noPrincipal') : t('setup.principalCount', { count: unit.principalIds.length })}</TableCell>
                  <TableCell>{unit.staffGroupId ? t('setup.staffGroupSet') : t('setup.staffGroupMissing')}</TableCell>
                  <TableCell>{unit.archivedAt ? t('setup.archived') : t('setup.inUse')}</TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      {!unit.archivedAt && <Button size="small" onClick={() => setEditing({ kind: 'edit', unit })}>{t('common.editNamed', { title: unit.name })}</Button>}
                      <Button size="small" onClick={() => setConfirming({ kind: unit.archivedAt ? 'restore' : 'archive', unit })}>
                        {t(unit.archivedAt ? 'common.restoreNamed' : 'common.archiveNamed', { name: unit.name })}
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {editing && <UnitDialog api={api} {...(editing.kind === 'edit' ? { unit: editing.unit } : {})} onSaved={handleSaved} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? t(confirming.kind === 'archive' ? 'setup.archiveTitle' : 'setup.restoreTitle', { name: confirming.unit.name }) : ''}
        message={confirming ? t(confirming.kind === 'archive' ? 'setup.archiveIntro' : 'setup.restoreIntro') : ''}
        confirm={t(confirming?.kind === 'restore' ? 'common.restore' : 'common.archive')}
        onConfirm={() => void handleConfirm()}
        onCancel={() => setConfirming(null)}
      />
    </div>
  );
}
