/**
 * Our column definitions as Graph columnDefinitions, and the plan that brings a list's existing
 * columns in line with them. The plan only adds columns and changes settings: it never deletes a
 * column, never changes a column's type, and never removes a choice (items may hold it).
 */
import type { ColumnDefinition, ListDefinition } from './definition';

/** The parts of a Graph columnDefinition that provisioning reads. */
export interface GraphColumn {
  id: string;
  name: string;
  displayName?: string;
  indexed?: boolean;
  required?: boolean;
  enforceUniqueValues?: boolean;
  text?: { allowMultipleLines?: boolean; maxLength?: number };
  number?: object;
  boolean?: object;
  dateTime?: { format?: string };
  choice?: { choices?: string[]; allowTextEntry?: boolean };
}

/** The Graph columnDefinition to create for one of our columns. */
export function toGraphColumn(column: ColumnDefinition): Record<string, unknown> {
  const base = {
    name: column.name,
    displayName: column.displayName ?? column.name,
    indexed: column.indexed === true,
    required: column.required === true,
    enforceUniqueValues: column.unique === true,
  };
  switch (column.type) {
    case 'text':
      return { ...base, text: { maxLength: 255 } };
    case 'note':
    case 'json':
      return { ...base, text: { allowMultipleLines: true } };
    case 'number':
      return { ...base, number: {} };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'date':
      return { ...base, dateTime: { format: 'dateOnly' } };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime' } };
    case 'choice':
      return { ...base, choice: { choices: [...(column.choices ?? [])], allowTextEntry: false } };
  }
}

/** How SharePoint stores a column; our note and json are both multi-line text. */
export type StorageKind = 'singleLineText' | 'multiLineText' | 'number' | 'boolean' | 'dateOnly' | 'dateTime' | 'choice' | 'other';

function kindOfDefinition(column: ColumnDefinition): StorageKind {
  switch (column.type) {
    case 'text':
      return 'singleLineText';
    case 'note':
    case 'json':
      return 'multiLineText';
    case 'date':
      return 'dateOnly';
    default:
      return column.type;
  }
}

function kindOfGraphColumn(column: GraphColumn): StorageKind {
  if (column.text) return column.text.allowMultipleLines === true ? 'multiLineText' : 'singleLineText';
  if (column.number) return 'number';
  if (column.boolean) return 'boolean';
  if (column.dateTime) return column.dateTime.format === 'dateOnly' ? 'dateOnly' : 'dateTime';
  if (column.choice) return 'choice';
  return 'other';
}

export interface ColumnPatch {
  id: string;
  name: string;
  body: Record<string, unknown>;
}

/** A column whose type on the site differs from the definition. */
export interface ColumnConflict {
  name: string;
  onSite: StorageKind;
  inDefinition: StorageKind;
}

export interface ColumnPlan {
  /** columnDefinitions to POST */
  add: Record<string, unknown>[];
  /** columns to PATCH, with only the settings that differ */
  patch: ColumnPatch[];
  /** columns whose type differs on the site: left alone, reported */
  conflicts: ColumnConflict[];
}

/** SharePoint's built-in column that every list has. */
export const titleColumnName = 'Title';

/** What to change so the list's columns match `list`; an empty plan means the list is up to date. */
export function planColumns(list: ListDefinition, existing: readonly GraphColumn[]): ColumnPlan {
  const byName = new Map(existing.map((column) => [column.name, column]));
  const plan: ColumnPlan = { add: [], patch: [], conflicts: [] };

  for (const column of list.columns) {
    const current = byName.get(column.name);
    if (!current) {
      plan.add.push(toGraphColumn(column));
      continue;
    }
    const wanted = kindOfDefinition(column);
    const found = kindOfGraphColumn(current);
    if (wanted !== found) {
      plan.conflicts.push({ name: column.name, onSite: found, inDefinition: wanted });
      continue;
    }
    const body: Record<string, unknown> = {};
    const settings = [
      ['indexed', column.indexed === true, current.indexed === true],
      ['required', column.required === true, current.required === true],
      ['enforceUniqueValues', column.unique === true, current.enforceUniqueValues === true],
    ] as const;
    for (const [setting, want, has] of settings) if (want !== has) body[setting] = want;
    // SharePoint refuses unique values on a column that is not indexed: send both together.
    if (body['enforceUniqueValues'] === true) body['indexed'] = true;
    if (column.type === 'choice') {
      const currentChoices = current.choice?.choices ?? [];
      const missing = (column.choices ?? []).filter((choice) => !currentChoices.includes(choice));
      if (missing.length > 0) {
        const kept = currentChoices.filter((choice) => !(column.choices ?? []).includes(choice));
        body['choice'] = { choices: [...(column.choices ?? []), ...kept], allowTextEntry: false };
      }
    }
    if (Object.keys(body).length > 0) plan.patch.push({ id: current.id, name: column.name, body });
  }

  // A derived Title is only a copy of `titleFrom`: the rule that a value must be there belongs to
  // that column, and a required Title would make SharePoint refuse items written without one.
  const title = byName.get(titleColumnName);
  if (list.titleFrom !== '' && title && title.required === true) {
    plan.patch.push({ id: title.id, name: titleColumnName, body: { required: false } });
  }
  return plan;
}
