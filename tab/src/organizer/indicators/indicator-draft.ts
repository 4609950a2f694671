/** The indicator form's fields as typed, read into an indicator and into only what changed. */
import type { Indicator } from '../../../../src/contract';
import type { Direction, IndicatorSource, UnitOfMeasure, UnitType } from '../../../../src/domain/choices';
import type { Formatter } from '../../../../src/domain/format';
import { parseSwedishNumber } from '../../../../src/domain/numbers';
import type { IndicatorChanges, NewIndicator } from '../organizer-api';

export interface IndicatorDraft {
  name: string;
  description: string;
  source: IndicatorSource;
  unitOfMeasure: UnitOfMeasure;
  direction: Direction;
  /** as typed: "12,5" */
  target: string;
  koladaKpi: string;
  unitTypes: UnitType[];
  /** one group per line */
  groups: string;
  /** one column heading of imported files per line */
  importColumns: string;
}

export function indicatorDraftOf(indicator: Indicator | undefined, format: Pick<Formatter, 'number'>): IndicatorDraft {
  return {
    name: indicator?.name ?? '',
    description: indicator?.description ?? '',
    source: indicator?.source ?? 'other',
    unitOfMeasure: indicator?.unitOfMeasure ?? 'percent',
    direction: indicator?.direction ?? 'higherIsBetter',
    target: indicator?.target === undefined ? '' : format.number(indicator.target, 4),
    koladaKpi: indicator?.koladaKpi ?? '',
    unitTypes: [...(indicator?.unitTypes ?? [])],
    groups: (indicator?.groups ?? []).join('\n'),
    importColumns: (indicator?.importColumns ?? []).join('\n'),
  };
}

/** The form as an indicator, or the field that is not what it should be (a target that is not a number). */
export function readIndicator(draft: IndicatorDraft): { ok: true; indicator: NewIndicator } | { ok: false; field: 'target' } {
  const target = parseSwedishNumber(draft.target);
  if (target.kind === 'invalid') return { ok: false, field: 'target' };
  const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const groups = lines(draft.groups);
  const importColumns = lines(draft.importColumns);
  return {
    ok: true,
    indicator: {
      name: draft.name.trim(), source: draft.source, unitOfMeasure: draft.unitOfMeasure, direction: draft.direction,
      ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
      ...(target.kind === 'value' ? { target: target.value } : {}),
      ...(draft.koladaKpi.trim() ? { koladaKpi: draft.koladaKpi.trim() } : {}),
      ...(draft.unitTypes.length > 0 ? { unitTypes: draft.unitTypes } : {}),
      ...(groups.length > 0 ? { groups } : {}),
      ...(importColumns.length > 0 ? { importColumns } : {}),
    },
  };
}

const optional = ['description', 'target', 'koladaKpi', 'unitTypes', 'groups', 'importColumns'] as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only the fields that changed since `before`; an optional field the user emptied is sent as null, which clears it. */
export function indicatorChanges(before: Indicator, next: NewIndicator): IndicatorChanges {
  const changes: IndicatorChanges = {};
  for (const key of ['name', 'source', 'unitOfMeasure', 'direction'] as const) if (next[key] !== before[key]) Object.assign(changes, { [key]: next[key] });
  for (const key of optional) {
    if (same(next[key], before[key])) continue;
    Object.assign(changes, { [key]: next[key] ?? null });
  }
  return changes;
}
