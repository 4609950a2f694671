import type { Indicator, Unit } from '../../domain';
import type { StoredItem } from '../../store/port';

/** How a file's codes and names find the organizer's indicators and units. */
export interface ImportLookup {
  /** by Indicator.koladaKpi */
  indicatorByKpi(kpi: string): StoredItem<Indicator> | undefined;
  /** by the indicator's name, ignoring case and spacing (Skolverket's column headers) */
  indicatorByName(name: string): StoredItem<Indicator> | undefined;
  /** by skolenhetskod, or by an alias (a Kolada ou id) that names one */
  unitByCode(code: string): StoredItem<Unit> | undefined;
  /** the Kolada ou ids the units are known by, to fetch Kolada's values for */
  koladaUnitIds(): string[];
  indicator(id: string): StoredItem<Indicator> | undefined;
  unit(id: string): StoredItem<Unit> | undefined;
}

/** Lower case, single spaces: how names are compared. */
export function nameKey(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('sv-SE').replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Builds the lookup. `unitCodeAliases` maps codes the units do not carry (such as Kolada's ou ids,
 * "V15E…") to a skolenhetskod.
 */
export function createLookup(
  units: readonly StoredItem<Unit>[],
  indicators: readonly StoredItem<Indicator>[],
  unitCodeAliases: Readonly<Record<string, string>> = {},
): ImportLookup {
  const byCode = new Map(units.map((u) => [u.fields.schoolUnitCode, u]));
  const byKpi = new Map(indicators.filter((i) => i.fields.koladaKpi).map((i) => [i.fields.koladaKpi ?? '', i]));
  const byName = new Map(indicators.map((i) => [nameKey(i.fields.name), i]));
  const indicatorsById = new Map(indicators.map((i) => [i.id, i]));
  const unitsById = new Map(units.map((u) => [u.id, u]));
  return {
    indicatorByKpi: (kpi) => byKpi.get(kpi.trim().toUpperCase()),
    indicatorByName: (name) => byName.get(nameKey(name)),
    unitByCode: (code) => {
      const trimmed = code.trim();
      const direct = byCode.get(trimmed);
      if (direct) return direct;
      const alias = unitCodeAliases[trimmed];
      return alias === undefined ? undefined : byCode.get(alias);
    },
    koladaUnitIds: () => Object.keys(unitCodeAliases).filter((id) => byCode.has(unitCodeAliases[id] ?? '')),
    indicator: (id) => indicatorsById.get(id),
    unit: (id) => unitsById.get(id),
  };
}
