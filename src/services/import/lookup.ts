import { nameKey, type Indicator, type Unit } from '../../domain';
import type { StoredItem } from '../../store/port';

/** How a file's codes and names find the organizer's indicators and units. */
export interface ImportLookup {
  /** by Indicator.koladaKpi, among the indicators in use */
  indicatorByKpi(kpi: string): StoredItem<Indicator> | undefined;
  /** by the indicator's name or a column heading saved on it, ignoring case and spacing (Skolverket's column headers) */
  indicatorByName(name: string): StoredItem<Indicator> | undefined;
  /** by skolenhetskod, or by the unit's Kolada id ("V15E…", as Kolada's files name units) */
  unitByCode(code: string): StoredItem<Unit> | undefined;
  /** the Kolada ou ids the units are known by, to fetch Kolada's values for */
  koladaUnitIds(): string[];
  indicator(id: string): StoredItem<Indicator> | undefined;
  unit(id: string): StoredItem<Unit> | undefined;
}


/** Builds the lookup; a unit is found by its skolenhetskod and by its Kolada id. */
export function createLookup(units: readonly StoredItem<Unit>[], indicators: readonly StoredItem<Indicator>[]): ImportLookup {
  const byCode = new Map(units.map((u) => [u.fields.schoolUnitCode, u]));
  for (const unit of units) if (unit.fields.koladaId !== undefined) byCode.set(unit.fields.koladaId, unit);
  // an archived indicator keeps its results but takes no new ones
  const inUse = indicators.filter((i) => i.fields.archivedOn === undefined);
  const byKpi = new Map(inUse.filter((i) => i.fields.koladaKpi).map((i) => [i.fields.koladaKpi ?? '', i]));
  // a heading saved on an indicator (importColumns) names it as surely as its name
  const byName = new Map(inUse.flatMap((i) => [i.fields.name, ...(i.fields.importColumns ?? [])].map((name) => [nameKey(name), i] as const)));
  const indicatorsById = new Map(indicators.map((i) => [i.id, i]));
  const unitsById = new Map(units.map((u) => [u.id, u]));
  return {
    indicatorByKpi: (kpi) => byKpi.get(kpi.trim().toUpperCase()),
    indicatorByName: (name) => byName.get(nameKey(name)),
    unitByCode: (code) => byCode.get(code.trim().toUpperCase()),
    koladaUnitIds: () => units.flatMap((u) => (u.fields.koladaId === undefined ? [] : [u.fields.koladaId])),
    indicator: (id) => indicatorsById.get(id),
    unit: (id) => unitsById.get(id),
  };
}
