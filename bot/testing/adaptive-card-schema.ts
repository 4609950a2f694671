/**
 * The Adaptive Card 1.5 schema (microsoft/AdaptiveCards, schemas/1.5.0/adaptive-card.json) for
 * the elements and actions the bot's cards use, rule for rule: which properties each type may
 * have (the official schema sets `additionalProperties: false` on every type), which are
 * required, their types and their enumerations (which the schema matches without regard to case).
 * The official file is not fetched at test time (the tests run offline), so this is a faithful
 * subset: a type the bot does not use (Image, ColumnSet, Table, Media, ...) is refused here
 * rather than checked, so a card that starts using one fails until its rules are added.
 */
import { z } from 'zod';

/** An enumeration as the schema writes it: the values, in any letter case. */
const oneOf = (...values: string[]) => z.string().refine((value) => values.some((v) => v.toLowerCase() === value.toLowerCase()), { message: `one of ${values.join(', ')}` });

const Colors = oneOf('default', 'dark', 'light', 'accent', 'good', 'warning', 'attention');
const FontSize = oneOf('default', 'small', 'medium', 'large', 'extraLarge');
const FontWeight = oneOf('default', 'lighter', 'bolder');
const FontType = oneOf('default', 'monospace');
const HorizontalAlignment = oneOf('left', 'center', 'right');
const VerticalContentAlignment = oneOf('top', 'center', 'bottom');
const Spacing = oneOf('default', 'none', 'small', 'medium', 'large', 'extraLarge', 'padding');
const BlockElementHeight = oneOf('auto', 'stretch');
const TextBlockStyle = oneOf('default', 'heading');
const ContainerStyle = oneOf('default', 'emphasis', 'good', 'attention', 'warning', 'accent');
const ActionStyle = oneOf('default', 'positive', 'destructive');
const ActionMode = oneOf('primary', 'secondary');
const AssociatedInputs = oneOf('Auto', 'None');
const ChoiceInputStyle = oneOf('compact', 'expanded', 'filtered');
const TextInputStyle = oneOf('text', 'tel', 'url', 'email', 'password');
const FallbackOption = oneOf('drop');
const requires = z.record(z.string(), z.string());
const data = z.union([z.string(), z.record(z.string(), z.unknown())]);
const nullable = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

/** Extendable.Element (with Extendable.ToggleableItem and Extendable.Item). */
const element = {
  fallback: z.union([z.lazy((): z.ZodType => Element), FallbackOption]).optional(),
  height: BlockElementHeight.optional(),
  separator: z.boolean().optional(),
  spacing: Spacing.optional(),
  id: z.string().optional(),
  isVisible: z.boolean().optional(),
  requires: requires.optional(),
};

/** Extendable.Input: every input has an id. */
const input = {
  ...element,
  id: z.string(),
  errorMessage: z.string().optional(),
  isRequired: z.boolean().optional(),
  label: z.string().optional(),
};

/** Extendable.Action. */
const action = {
  title: z.string().optional(),
  iconUrl: z.string().optional(),
  id: z.string().optional(),
  style: ActionStyle.optional(),
  fallback: z.union([z.lazy((): z.ZodType => Action), FallbackOption]).optional(),
  tooltip: z.string().optional(),
  isEnabled: z.boolean().optional(),
  mode: ActionMode.optional(),
  requires: requires.optional(),
};

const TextBlock = z.strictObject({
  type: z.literal('TextBlock'),
  text: z.string(),
  color: nullable(Colors).optional(),
  fontType: nullable(FontType).optional(),
  horizontalAlignment: nullable(HorizontalAlignment).optional(),
  isSubtle: nullable(z.boolean()).optional(),
  maxLines: z.number().optional(),
  size: nullable(FontSize).optional(),
  weight: nullable(FontWeight).optional(),
  wrap: z.boolean().optional(),
  style: nullable(TextBlockStyle).optional(),
  ...element,
});

const Fact = z.strictObject({ type: z.literal('Fact').optional(), title: z.string(), value: z.string() });
const FactSet = z.strictObject({ type: z.literal('FactSet'), facts: z.array(Fact), ...element });

const Container = z.strictObject({
  type: z.literal('Container'),
  items: z.array(z.lazy((): z.ZodType => Element)),
  selectAction: z.lazy((): z.ZodType => SelectAction).optional(),
  style: nullable(ContainerStyle).optional(),
  verticalContentAlignment: nullable(VerticalContentAlignment).optional(),
  bleed: z.boolean().optional(),
  minHeight: z.string().optional(),
  ...element,
});

const ActionSet = z.strictObject({ type: z.literal('ActionSet'), actions: z.array(z.lazy((): z.ZodType => Action)), ...element });

const InputText = z.strictObject({
  type: z.literal('Input.Text'),
  isMultiline: z.boolean().optional(),
  maxLength: z.number().optional(),
  placeholder: z.string().optional(),
  regex: z.string().optional(),
  style: TextInputStyle.optional(),
  inlineAction: z.lazy((): z.ZodType => SelectAction).optional(),
  value: z.string().optional(),
  ...input,
});

const InputChoice = z.strictObject({ type: z.literal('Input.Choice').optional(), title: z.string(), value: z.string() });
const InputChoiceSet = z.strictObject({
  type: z.literal('Input.ChoiceSet'),
  choices: z.array(InputChoice).optional(),
  isMultiSelect: z.boolean().optional(),
  style: ChoiceInputStyle.optional(),
  value: z.string().optional(),
  placeholder: z.string().optional(),
  wrap: z.boolean().optional(),
  ...input,
});

const InputDate = z.strictObject({
  type: z.literal('Input.Date'),
  max: z.string().optional(),
  min: z.string().optional(),
  placeholder: z.string().optional(),
  value: z.string().optional(),
  ...input,
});

const Element: z.ZodType = z.discriminatedUnion('type', [TextBlock, FactSet, Container, ActionSet, InputText, InputChoiceSet, InputDate]);

const ActionExecute = z.strictObject({ type: z.literal('Action.Execute'), verb: z.string().optional(), data: data.optional(), associatedInputs: AssociatedInputs.optional(), ...action });
const ActionSubmit = z.strictObject({ type: z.literal('Action.Submit'), data: data.optional(), associatedInputs: AssociatedInputs.optional(), ...action });
const ActionOpenUrl = z.strictObject({ type: z.literal('Action.OpenUrl'), url: z.string(), ...action });
const ActionShowCard = z.strictObject({ type: z.literal('Action.ShowCard'), card: z.lazy((): z.ZodType => ShownCard).optional(), ...action });

const Action: z.ZodType = z.discriminatedUnion('type', [ActionExecute, ActionSubmit, ActionOpenUrl, ActionShowCard]);
/** ImplementationsOf.ISelectAction: any action but Action.ShowCard. */
const SelectAction: z.ZodType = z.discriminatedUnion('type', [ActionExecute, ActionSubmit, ActionOpenUrl]);

const Refresh = z.strictObject({ type: z.literal('Refresh').optional(), action: ActionExecute.optional(), userIds: z.array(z.string()).optional() });

const card = {
  type: z.literal('AdaptiveCard'),
  refresh: Refresh.optional(),
  body: z.array(Element).optional(),
  actions: z.array(Action).optional(),
  selectAction: SelectAction.optional(),
  fallbackText: z.string().optional(),
  minHeight: z.string().optional(),
  rtl: nullable(z.boolean()).optional(),
  speak: z.string().optional(),
  lang: z.string().optional(),
  verticalContentAlignment: VerticalContentAlignment.optional(),
  $schema: z.url().optional(),
};

/** A card inside an Action.ShowCard: "Version is not required for cards within an Action.ShowCard". */
const ShownCard = z.strictObject({ ...card, version: z.string().optional() });

/** The top-level card: its version is required. */
export const AdaptiveCard15 = z.strictObject({ ...card, version: z.string() });

/** Where each problem is, for a readable failure. */
export function cardProblems(value: unknown): string[] {
  const result = AdaptiveCard15.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.') || 'card'}: ${issue.message}`);
}
