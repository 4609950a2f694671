import { invalidRequest } from './errors';
import type { ColumnKind, ColumnState } from './model';

/** SharePoint's built-in Title column keeps the same field id on every list. */
export const titleColumnId = 'fa564e0f-0c70-4ab9-b863-0177e6ddd247';

/** System fields every item carries; none can be written. */
export const systemFieldNames: ReadonlySet<string> = new Set([
  'id', 'ID', 'ContentType', 'Modified', 'Created', 'AuthorLookupId', 'EditorLookupId', '_UIVersionString', 'Attachments',
  'Edit', 'LinkTitleNoMenu', 'LinkTitle', 'ItemChildCount', 'FolderChildCount', '_ComplianceFlags', '_ComplianceTag',
  '_ComplianceTagWrittenTime', '_ComplianceTagUserId', 'AppAuthorLookupId', 'AppEditorLookupId',
]);

/** Read-only system columns shown by `GET columns` (ids as in SharePoint). */
const systemColumns: readonly Record<string, unknown>[] = [
  { id: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1', name: 'ID', displayName: 'ID', number: {}, indexed: true },
  { id: '8c06beca-0777-48f7-91c7-6da68bc07b69', name: 'Created', displayName: 'Created', dateTime: { displayAs: 'default', format: 'dateTime' } },
  { id: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', name: 'Modified', displayName: 'Modified', dateTime: { displayAs: 'default', format: 'dateTime' } },
  { id: '1df5e554-ec7e-46a6-901d-d85a3881cb18', name: 'Author', displayName: 'Created By', personOrGroup: { allowMultipleSelection: false, displayAs: 'nameWithPresence', chooseFromType: 'peopleOnly' } },
  { id: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2', name: 'Editor', displayName: 'Modified By', personOrGroup: { allowMultipleSelection: false, displayAs: 'nameWithPresence', chooseFromType: 'peopleOnly' } },
];

export function titleColumn(): ColumnState {
  return {
    id: titleColumnId, name: 'Title', displayName: 'Title', description: '', indexed: false, required: false,
    enforceUniqueValues: false, type: { kind: 'text', allowMultipleLines: false, maxLength: 255 },
  };
}

const namePattern = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;
const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** Reads a Graph columnDefinition (POST /columns, POST /lists) into our state; 400 on what we cannot hold. */
export function parseColumnDefinition(body: unknown, id: string): ColumnState {
  const input = record(body);
  if (!input) throw invalidRequest('Invalid request: a columnDefinition object is expected.');
  const name = input['name'];
  if (typeof name !== 'string' || !namePattern.test(name)) throw invalidRequest(`Invalid column name '${String(name)}'.`);
  const type = parseKind(input, name);
  const indexed = input['indexed'] === true;
  const enforceUniqueValues = input['enforceUniqueValues'] === true;
  if (indexed && type.kind === 'text' && type.allowMultipleLines) {
    throw invalidRequest(`Column '${name}' cannot be indexed: multiple lines of text cannot be indexed.`);
  }
  if (enforceUniqueValues && !indexed) throw invalidRequest(`Column '${name}' must be indexed to enforce unique values.`);
  const displayName = typeof input['displayName'] === 'string' ? input['displayName'] : name;
  const description = typeof input['description'] === 'string' ? input['description'] : '';
  return { id, name, displayName, description, indexed, required: input['required'] === true, enforceUniqueValues, type };
}

function parseKind(input: Record<string, unknown>, name: string): ColumnKind {
  const facets = ['text', 'number', 'boolean', 'dateTime', 'choice'].filter((facet) => input[facet] !== undefined);
  const other = ['lookup', 'personOrGroup', 'currency', 'calculated', 'hyperlinkOrPicture', 'geolocation', 'term', 'thumbnail']
    .find((facet) => input[facet] !== undefined);
  if (other) throw invalidRequest(`Column '${name}': the '${other}' column type is not supported.`);
  if (facets.length !== 1) throw invalidRequest(`Column '${name}' must have exactly one column type facet.`);
  const facet = facets[0] as string;
  const options = record(input[facet]) ?? {};
  switch (facet) {
    case 'text': {
      const allowMultipleLines = options['allowMultipleLines'] === true;
      const maxLength = typeof options['maxLength'] === 'number' ? options['maxLength'] : 255;
      return { kind: 'text', allowMultipleLines, maxLength: allowMultipleLines ? Number.MAX_SAFE_INTEGER : Math.min(maxLength, 255) };
    }
    case 'number':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'dateTime':
      return { kind: 'dateTime', format: options['format'] === 'dateOnly' ? 'dateOnly' : 'dateTime' };
    default: {
      const choices = options['choices'];
      if (!Array.isArray(choices) || !choices.every((choice) => typeof choice === 'string')) {
        throw invalidRequest(`Column '${name}': choice.choices must be an array of strings.`);
      }
      const displayAs = typeof options['displayAs'] === 'string' ? options['displayAs'] : 'dropDownMenu';
      return { kind: 'choice', choices: choices as string[], allowTextEntry: options['allowTextEntry'] === true, displayAs };
    }
  }
}

/** A column as Graph renders a columnDefinition. */
export function renderColumn(column: ColumnState): Record<string, unknown> {
  const base: Record<string, unknown> = {
    columnGroup: 'Custom Columns',
    description: column.description,
    displayName: column.displayName,
    enforceUniqueValues: column.enforceUniqueValues,
    hidden: false,
    id: column.id,
    indexed: column.indexed,
    name: column.name,
    readOnly: false,
    required: column.required,
  };
  const type = column.type;
  switch (type.kind) {
    case 'text':
      return {
        ...base,
        text: type.allowMultipleLines
          ? { allowMultipleLines: true, appendChangesToExistingText: false, linesForEditing: 6, maxLength: 0 }
          : { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: type.maxLength },
      };
    case 'number':
      return { ...base, number: { decimalPlaces: 'automatic', displayAs: 'number' } };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'dateTime':
      return { ...base, dateTime: { displayAs: 'default', format: type.format } };
    case 'choice':
      return { ...base, choice: { allowTextEntry: type.allowTextEntry, choices: [...type.choices], displayAs: type.displayAs } };
  }
}

export function renderSystemColumns(): Record<string, unknown>[] {
  return systemColumns.map((column) => ({
    columnGroup: '_Hidden', description: '', enforceUniqueValues: false, hidden: false, indexed: false,
    readOnly: true, required: false, ...column,
  }));
}
