import { z } from 'zod';

/**
 * The plan catalog file format (data/plans/<id>.json and plans users load from a file).
 *
 * Every value is copied from a source document and carries `source` (file and 1-based line),
 * so an evaluator can check it against the printed plan. The format is versioned by
 * `schemaVersion`; a change that old files cannot satisfy bumps it.
 */

export const CATALOG_SCHEMA_VERSION = 1;

/** Where a value was read: the seed file name and its 1-based line number. */
export const sourceRefSchema = z.strictObject({
  file: z.string().min(1),
  line: z.number().int().positive(),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

export const comparatorSchema = z.enum(['>=', '>', '<=', '<', '=']);
export type Comparator = z.infer<typeof comparatorSchema>;

/**
 * One cell of a plan table or one figure in the prose.
 * - `raw`: the exact cell text as printed ("＞99", "109．68：100", "持续提高").
 * - `value`: the number, when there is one (">99" → 99; "109.68：100" → 109.68).
 * - `comparator`: when the text states one (">99" → ">"; "99以上" → ">="; "左右" is not one).
 * - `text`: the words, when the target is words ("持续提高", "实现应改尽改").
 * A cell that is empty, "-" or "—" is `null`, not a quantity.
 */
export const quantitySchema = z
  .strictObject({
    raw: z.string().min(1),
    value: z.number().finite().optional(),
    comparator: comparatorSchema.optional(),
    text: z.string().min(1).optional(),
  })
  .refine((q) => q.value !== undefined || q.text !== undefined, {
    message: 'a quantity needs a value or a text',
  })
  .refine((q) => q.comparator === undefined || q.value !== undefined, {
    message: 'a comparator needs a value',
  });
export type Quantity = z.infer<typeof quantitySchema>;

/** A contradiction or damage in the source, quoting every place involved. */
export const dataIssueSchema = z.strictObject({
  summary: z.string().min(1),
  quotes: z
    .array(
      z.strictObject({
        file: z.string().min(1),
        line: z.number().int().positive(),
        text: z.string().min(1),
      }),
    )
    .min(1),
});
export type DataIssue = z.infer<typeof dataIssueSchema>;

const idSchema = z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'lower-case ascii id');

export const domainSchema = z.strictObject({
  id: idSchema,
  /** The domain's name as written in the plan (e.g. 基本公共教育服务). */
  name: z.string().min(1),
  source: sourceRefSchema.optional(),
});
export type Domain = z.infer<typeof domainSchema>;

/**
 * A unit the plan names as responsible (主责单位, 牵头负责单位, 责任单位), normalised within the
 * plan: one entry per unit however it is printed (达州2017 “市人力资源社会保障局” and
 * “市人力资源和社会保障局”). The same function has the same id in every plan (`hrss`, `health` …);
 * the name is the plan's own. docs/catalog.md gives the rules.
 */
export const unitSchema = z.strictObject({
  id: idSchema,
  /** The normalised name, in the plan's own wording (市卫计委, 区教体局). */
  name: z.string().min(1),
  /** Every form in which the plan prints this unit, exactly. */
  printed: z.array(z.string().min(1)).min(1),
  /** Why printed forms were taken as one unit, or what is doubtful. */
  note: z.string().min(1).optional(),
});
export type Unit = z.infer<typeof unitSchema>;

/** References from an item to `units`, in the order the cell prints them. */
const unitIdsSchema = z.array(idSchema).min(1);

export const regionLevelSchema = z.enum([
  'city',
  'district',
  'county',
  'county-level-city',
  'town',
  'subdistrict',
]);
export const regionSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  level: regionLevelSchema,
  /** Where the document names this region; absent for divisions users add. */
  source: sourceRefSchema.optional(),
});
export type Region = z.infer<typeof regionSchema>;

export const directionSchema = z.enum(['up', 'down']);
export type Direction = z.infer<typeof directionSchema>;
/** `level`: a value at a point in time. `cumulative`: the target is a total over the period. */
export const indicatorKindSchema = z.enum(['level', 'cumulative']);
export type IndicatorKind = z.infer<typeof indicatorKindSchema>;

export const indicatorSchema = z.strictObject({
  id: idSchema,
  /** Shared key for the same measure across plans (docs/catalog.md lists them). */
  concept: idSchema.optional(),
  domain: idSchema,
  /** Exactly as written, without the unit parentheses. */
  name: z.string().min(1),
  /** As written; null when the table gives none (出生人口性别比). */
  unit: z.string().min(1).nullable(),
  direction: directionSchema,
  kind: indicatorKindSchema,
  baseline: quantitySchema.nullable(),
  target: quantitySchema.nullable(),
  /** The table's 累计 / 五年累计增加 column. */
  change: quantitySchema.nullable(),
  /**
   * For a cumulative indicator whose target and change cells are both numbers: which cell holds
   * the 2016–2020 total. 达州 城镇棚户区住房改造 2.1 / 11.5 / 9.4 → "target" (11.5万套 is the
   * five-year total stated in the prose); 邯郸 农村危房改造 - / 0.328 / 0.8539 → "change".
   */
  totalFrom: z.enum(['target', 'change']).optional(),
  responsibleUnit: z.string().min(1).nullable().optional(),
  /** Ids (in `units`) of the units named in `responsibleUnit` (周村: the cell of the row's group). */
  responsibleUnitIds: unitIdsSchema.optional(),
  definition: z.strictObject({ text: z.string().min(1), source: sourceRefSchema }).optional(),
  /** Short remark by the cataloguer, e.g. why a direction or kind was chosen. */
  note: z.string().min(1).optional(),
  source: sourceRefSchema,
  dataIssues: z.array(dataIssueSchema).optional(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** A numeric target stated in the prose rather than in the indicator table. */
export const textTargetSchema = z.strictObject({
  id: idSchema,
  concept: idSchema.optional(),
  domain: idSchema,
  name: z.string().min(1),
  unit: z.string().min(1).nullable(),
  direction: directionSchema,
  kind: indicatorKindSchema,
  /** The year the target applies to (2017 for the 2017 implementation plan, usually 2020). */
  year: z.number().int().min(2015).max(2020),
  baseline: quantitySchema.nullable(),
  target: quantitySchema,
  responsibleUnit: z.string().min(1).nullable().optional(),
  /** Ids (in `units`) of the units named in `responsibleUnit`. */
  responsibleUnitIds: unitIdsSchema.optional(),
  /** The sentence or clause the target was read from, copied exactly. */
  quote: z.string().min(1),
  note: z.string().min(1).optional(),
  source: sourceRefSchema,
  dataIssues: z.array(dataIssueSchema).optional(),
});
export type TextTarget = z.infer<typeof textTargetSchema>;

/** One item of a basic public service list (服务清单). */
export const serviceSchema = z.strictObject({
  id: idSchema,
  domain: idSchema,
  /** The item's number as printed (序号), if any. */
  number: z.string().min(1).optional(),
  /** Sub-heading the item sits under in the list (e.g. 公共卫生服务), if any. */
  group: z.string().min(1).optional(),
  name: z.string().min(1),
  recipients: z.string().min(1).nullable(),
  standard: z.string().min(1).nullable(),
  funding: z.string().min(1).nullable(),
  leadUnit: z.string().min(1).nullable(),
  /** Ids (in `units`) of the units named in `leadUnit`, in printed order. */
  leadUnitIds: unitIdsSchema.optional(),
  source: sourceRefSchema,
  dataIssues: z.array(dataIssueSchema).optional(),
});
export type Service = z.infer<typeof serviceSchema>;

/** One row of a key-task division table (重点任务分工方案) or of an implementation plan. */
export const taskSchema = z.strictObject({
  id: idSchema,
  domain: idSchema.nullable(),
  number: z.string().min(1).optional(),
  group: z.string().min(1).optional(),
  text: z.string().min(1),
  leadUnit: z.string().min(1).nullable(),
  /**
   * The 责任单位 cell exactly as printed ("区发改局牵头，其他有关部门按职责分工负责"), where the
   * table has one cell for all units; `leadUnit`/`partnerUnits` are then read from it.
   */
  responsibleText: z.string().min(1).optional(),
  /** Ids (in `units`) of the units named in `leadUnit` (all units, where the source names no lead). */
  leadUnitIds: unitIdsSchema.optional(),
  /** 配合单位 / 参与单位, when the table has the column. */
  partnerUnits: z.string().min(1).nullable().optional(),
  /** Ids (in `units`) of the units named in `partnerUnits`. */
  partnerUnitIds: unitIdsSchema.optional(),
  /** 完成时限, when the table has the column. */
  deadline: z.string().min(1).nullable().optional(),
  source: sourceRefSchema,
  dataIssues: z.array(dataIssueSchema).optional(),
});
export type Task = z.infer<typeof taskSchema>;

/**
 * Where a standard sits in the plan: a service-list item, a key task, or a section (a 专栏 row,
 * a 保障工程 paragraph, a prose paragraph) named by its title as printed on `line`.
 */
export const standardAttachmentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('service'), id: idSchema }),
  z.strictObject({ kind: z.literal('task'), id: idSchema }),
  z.strictObject({
    kind: z.literal('section'),
    title: z.string().min(1),
    line: z.number().int().positive(),
  }),
]);
export type StandardAttachment = z.infer<typeof standardAttachmentSchema>;

/**
 * A numeric standard or target printed in a service-list cell, a 专栏 or 保障工程 section, a key
 * task or a prose paragraph (“0-6岁儿童健康管理率达90%以上”), cited by the line it is printed on.
 * It has the fields the assessment judges an indicator by (name, unit, direction, kind,
 * baseline, target, year), so it can be judged the same way. Where it restates an item the
 * catalog already assesses, `textTargetId` or `indicatorId` names that item, which is judged
 * instead (one path per datum).
 */
export const standardSchema = z.strictObject({
  /** std.<service or task id>.<n>, or std.sec.<title line>.<n>. */
  id: idSchema,
  domain: idSchema,
  attachment: standardAttachmentSchema,
  /** What is measured, in the plan's words (小学年生均公用经费标准). */
  name: z.string().min(1),
  /** The unit printed with the figure (元, %, 套, 份/千人·年); null for a pure ratio or fraction. */
  unit: z.string().min(1).nullable(),
  direction: directionSchema,
  kind: indicatorKindSchema,
  /** The year the standard must be met: the plan's end year unless the text names another. */
  year: z.number().int().min(2015).max(2020),
  /** The first year, where the text names a period (“2017-2020年每年提高10元”). */
  startYear: z.number().int().min(2015).max(2020).optional(),
  /** The figure is an amount for each year (每年…, 年均…, 每生每年…), not a level to reach by `year`. */
  isPerYear: z.boolean().optional(),
  /** The basis printed apart from the figure, exactly (每生每年, 每个行政村, 以乡（镇、街道）为单位). */
  per: z.string().min(1).optional(),
  /** The figure says 左右 or 约: a value to come near, with no comparator. */
  isApproximate: z.boolean().optional(),
  baseline: quantitySchema.nullable(),
  /** `raw` is the figure as printed, an exact substring of `quote`. */
  target: quantitySchema,
  /** The clause the figure was read from, an exact substring of the cited line. */
  quote: z.string().min(1),
  /** The text target this standard restates (same figure); that target is assessed. */
  textTargetId: idSchema.optional(),
  /** The indicator this standard restates; that indicator is assessed. */
  indicatorId: idSchema.optional(),
  note: z.string().min(1).optional(),
  source: sourceRefSchema,
});
export type Standard = z.infer<typeof standardSchema>;

export const planSchema = z.strictObject({
  schemaVersion: z.literal(CATALOG_SCHEMA_VERSION),
  id: idSchema,
  /** The document title, exactly. */
  name: z.string().min(1),
  /** A short label for menus (e.g. 达州市规划). */
  shortName: z.string().min(1),
  /** The plan's own area, e.g. 达州市. */
  region: z.string().min(1),
  issuer: z.string().min(1).nullable(),
  docNumber: z.string().min(1).nullable(),
  /** ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when the day is not given); null when unknown. */
  issued: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable(),
  period: z.strictObject({ start: z.number().int(), end: z.number().int() }),
  baseYear: z.number().int(),
  /** The id of the plan this one implements (dazhou-2017 → dazhou). */
  implements: idSchema.optional(),
  source: z.strictObject({ file: z.string().min(1), titleLine: z.number().int().positive() }),
  domains: z.array(domainSchema).min(1),
  regions: z.array(regionSchema).min(1),
  indicators: z.array(indicatorSchema),
  textTargets: z.array(textTargetSchema),
  services: z.array(serviceSchema),
  tasks: z.array(taskSchema),
  /** The units named as responsible, normalised (absent in files written before it existed). */
  units: z.array(unitSchema).optional(),
  /** Numeric standards and targets outside the indicator table (absent in older files). */
  standards: z.array(standardSchema).optional(),
  /** Problems that concern the document as a whole rather than one item. */
  dataIssues: z.array(dataIssueSchema),
});
export type Plan = z.infer<typeof planSchema>;
