import type { Unit } from '../../../../src/contract';
import type { UnitType } from '../../../../src/domain';
import type { NewUnit, UnitChanges } from './units-api';

/** A unit's form as it is edited: strings for inputs, ids for the people and group chosen. */
export interface UnitDraft {
  name: string;
  type: UnitType;
  schoolUnitCode: string;
  koladaId: string;
  principalIds: string[];
  staffGroupId: string;
}

export function newUnitDraft(): UnitDraft {
  return { name: '', type: 'grundskola', schoolUnitCode: '', koladaId: '', principalIds: [], staffGroupId: '' };
}

export function unitDraftFrom(unit: Unit): UnitDraft {
  return {
    name: unit.name, type: unit.type, schoolUnitCode: unit.schoolUnitCode, koladaId: unit.koladaId ?? '',
    principalIds: [...unit.principalIds], staffGroupId: unit.staffGroupId ?? '',
  };
}

/** A new unit's body: what was filled in (trimmed), nothing empty. */
export function newUnitOf(draft: UnitDraft): NewUnit {
  return {
    name: draft.name.trim(), type: draft.type, schoolUnitCode: draft.schoolUnitCode.trim(), principalIds: draft.principalIds,
    ...(draft.staffGroupId ? { staffGroupId: draft.staffGroupId } : {}),
    ...(draft.koladaId.trim() ? { koladaId: draft.koladaId.trim() } : {}),
  };
}

/** Only what changed since `before`: the PATCH body. */
export function unitChangesBetween(before: Unit, draft: UnitDraft): UnitChanges {
  const changes: UnitChanges = {};
  if (draft.name.trim() !== before.name) changes.name = draft.name.trim();
  if (draft.type !== before.type) changes.type = draft.type;
  if (draft.schoolUnitCode.trim() !== before.schoolUnitCode) changes.schoolUnitCode = draft.schoolUnitCode.trim();
  if (draft.koladaId.trim() && draft.koladaId.trim() !== before.koladaId) changes.koladaId = draft.koladaId.trim();
  if (draft.principalIds.join(',') !== before.principalIds.join(',')) changes.principalIds = draft.principalIds;
  if (draft.staffGroupId && draft.staffGroupId !== before.staffGroupId) changes.staffGroupId = draft.staffGroupId;
  return changes;
}

export function isUnit(value: unknown): value is Unit {
  return Boolean(value && typeof value === 'object' && 'id' in value && 'etag' in value && 'schoolUnitCode' in value);
}
