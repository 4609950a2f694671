/**
 * Which units' parts a change touches: from what each list's read model says changed since the
 * versions a kept roll-up was counted at (`ReadView.changedSince`), each item as it was then and
 * as it is now. An item touches the unit it belonged to and the one it belongs to (an item moved
 * between units touches both); a unit touches itself (renamed, moved to another area, archived,
 * new); feedback also touches the unit of the analysis it was given on, before and now (an
 * analysis that moved touches its own units). Nothing else crosses units: a deficiency's actions
 * are its own unit's.
 */
import type { StoredItem } from '../../store/port';
import { rollupLists, type RollupList, type RollupView } from './load';

/** Lists whose items each belong to one unit, by their `unitId`. */
const unitLists = ['goals', 'measurements', 'analyses', 'actions', 'deficiencies', 'meetings', 'feedback'] as const satisfies readonly RollupList[];
type UnitList = (typeof unitLists)[number];

function isUnitList(list: RollupList): list is UnitList {
  return (unitLists as readonly RollupList[]).includes(list);
}

/**
 * The ids of the units whose parts the changes since `versions` (one per list of `rollupLists`)
 * touch, or undefined when they touch every unit: the indicators changed (which apply to whom,
 * targets, names), a list this does not know by unit changed, or the read model no longer knows
 * what changed. The municipality's own results belong to no unit: they are read on every view.
 */
export function touchedUnits(view: RollupView, versions: readonly number[]): Set<string> | undefined {
  const units = new Set<string>();
  for (const [n, list] of rollupLists.entries()) {
    const version = versions[n];
    if (version === view.version(list) || list === 'municipalityResults') continue;
    const touched = version === undefined ? undefined : list === 'units' ? unitsChanged(view, version) : isUnitList(list) ? unitsOfItemsChanged(view, list, version) : undefined;
    if (!touched) return undefined;
    for (const unitId of touched) units.add(unitId);
  }
  return units;
}

/** The units changed since `version`, or undefined when the read model no longer knows them. */
function unitsChanged(view: RollupView, version: number): Iterable<string> | undefined {
  return view.changedSince('units', version)?.keys();
}

/** The units the changes to a list of unit items since `version` touch, or undefined when the read model no longer knows them. */
function unitsOfItemsChanged(view: RollupView, list: UnitList, version: number): Set<string> | undefined {
  const changed: ReadonlyMap<string, StoredItem<{ readonly unitId?: string; readonly analysisId?: string }> | undefined> | undefined = list === 'feedback'
    ? view.changedSince(list, version)
    : view.changedSince(list, version);
  if (!changed) return undefined;
  const units = new Set<string>();
  const add = (unitId: string | undefined) => {
    if (unitId !== undefined) units.add(unitId);
  };
  const unitOfAnalysis = (analysisId: string | undefined) => (analysisId === undefined ? undefined : view.get('analyses', analysisId)?.fields.unitId);
  for (const [id, was] of changed) {
    const now: StoredItem<{ readonly unitId?: string; readonly analysisId?: string }> | undefined = view.get(list, id);
    add(was?.fields.unitId);
    add(now?.fields.unitId);
    if (list !== 'feedback') continue;
    add(unitOfAnalysis(was?.fields.analysisId));
    add(unitOfAnalysis(now?.fields.analysisId));
  }
  return units;
}
