/**
 * Reference data types of the demo city 示范市 (design.md §3).
 * Plain data only: no I/O. Real deployments load their own lists with the same shapes.
 */

export type District = {
  /** 6-digit code; the demo uses the fictional 99xxxx range (990100 = 市本级). */
  code: string;
  name: string;
  /** Name without the 区/县/市 suffix, e.g. 东城. */
  shortName: string;
  level: 'city' | 'district';
  sort: number;
};

/**
 * Kind of a unit (what it regulates). Shared by city and district units so that catalog providers and
 * measure responders can be matched by kind, e.g. 'market', 'tax', 'court', 'hr', 'ecology', 'housing',
 * 'transport', 'public_security', 'development_reform', 'finance', 'natural_resources', 'agriculture',
 * 'commerce', 'culture_tourism', 'health', 'emergency', 'education', 'civil_affairs', 'justice', 'customs', ...
 */
export type UnitKind = string;

export type Unit = {
  /** Stable ASCII code, ≤ 20 chars: city units 'C001'..; district units 'D<districtCode>-NN'. */
  code: string;
  name: string;
  /** Short Chinese name, e.g. 市场监管. */
  shortName: string;
  level: 'city' | 'district';
  districtCode: string;
  /** Whether the unit is a member (成员单位) of the credit-system leadership group. */
  member: boolean;
  kind: UnitKind;
  sort: number;
};

export type Frequency = 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly';

export type CatalogItem = {
  code: string;
  name: string;
  /** 基础信息 / 良好信息 / 不良信息 / 严重失信 / 其他 */
  category: string;
  subjectTypes: Array<'legal' | 'natural' | 'other'>;
  /** Expected update frequency (drives missing-submission detection). */
  frequency: Frequency;
  /** Unit kinds expected to provide the item. */
  providerKinds: UnitKind[];
  sort: number;
};

export type Measure = {
  code: string;
  name: string;
  kind: 'punishment' | 'reward';
  /** Kind of the unit that executes the measure and answers the push. */
  respondingKind: UnitKind;
  /** Feedback deadline in working days after the push. */
  feedbackDays: number;
  sort: number;
};

export type Target = {
  year: number;
  level: 'unit' | 'district';
  /** Unit code or district code. */
  code: string;
  kpi: 'ingestion_records' | 'publicity_on_time_rate' | 'sanction_feedback_rate';
  target: number;
  /** true = 约束性 (binding), false = 预期性 (expected). */
  binding: boolean;
};
