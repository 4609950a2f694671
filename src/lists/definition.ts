/**
 * The shape of a list definition. One definition per SharePoint list (see lists.ts) drives
 * provisioning, the Graph store's field mapping and the emulator's validation.
 *
 * Column names are the SharePoint internal names and equal the domain field names, so the
 * mapping between a domain entity and an item's `fields` is by name; only the value encoding
 * differs per type (see encode/decode in fields.ts).
 */
export type ColumnType =
  /** single line of text (max 255) */
  | 'text'
  /** multiple lines of plain text */
  | 'note'
  /** multiple lines of text holding JSON (arrays and objects); never filtered */
  | 'json'
  | 'number'
  | 'boolean'
  /** a SharePoint dateTime column shown as date only; the domain holds "YYYY-MM-DD" */
  | 'date'
  /** a SharePoint dateTime column; the domain holds an ISO 8601 instant */
  | 'dateTime'
  /** a single choice from `choices` */
  | 'choice';

export interface ColumnDefinition {
  readonly name: string;
  readonly type: ColumnType;
  /** indexed in SharePoint: the only columns a query may filter on first */
  readonly indexed?: boolean;
  readonly required?: boolean;
  /** enforceUniqueValues (SharePoint needs the column indexed too) */
  readonly unique?: boolean;
  readonly choices?: readonly string[];
  /** shown in SharePoint's own UI */
  readonly displayName?: string;
}

export interface ListDefinition {
  /** the key code uses (`actions`); the store maps it to the list id on the site */
  readonly key: string;
  /** the list's displayName on the SharePoint site */
  readonly displayName: string;
  readonly description: string;
  /**
   * Which domain field is copied into SharePoint's built-in Title column. When the list has no
   * column of that name (a field called `title`, which SharePoint would refuse as a duplicate of
   * Title), the field is stored in Title itself.
   */
  readonly titleFrom: string;
  readonly columns: readonly ColumnDefinition[];
}

/** Columns every list has: the client key that makes creates idempotent, and the acting users. */
export const commonColumns: readonly ColumnDefinition[] = [
  { name: 'clientKey', type: 'text', indexed: true, unique: true, required: true, displayName: 'Klientnyckel' },
  { name: 'createdByUser', type: 'text', displayName: 'Skapad av (Entra-id)' },
  { name: 'modifiedByUser', type: 'text', indexed: true, displayName: 'Ändrad av (Entra-id)' },
];
