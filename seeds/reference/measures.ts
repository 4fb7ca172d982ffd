import type { Measure, UnitKind } from './types';

/** Default feedback deadline in working days (design.md §3). */
export const DEFAULT_FEEDBACK_DAYS = 10;

type Spec = [code: string, name: string, kind: Measure['kind'], respondingKind: UnitKind, feedbackDays: number];

const SPECS: Spec[] = [
  // 惩戒措施 (punishments)
  ['M01', '限制参与政府采购活动', 'punishment', 'finance', 10],
  ['M02', '限制参与工程建设项目招标投标', 'punishment', 'development_reform', 10],
  ['M03', '依法限制高消费及非生活和工作必需的消费行为', 'punishment', 'court', 10],
  ['M04', '限制申请和取得财政性资金支持', 'punishment', 'finance', 15],
  ['M05', '依法限制担任企业法定代表人、董事、监事、高级管理人员', 'punishment', 'market', 10],
  ['M06', '在办理行政许可时从严审核，不适用告知承诺制', 'punishment', 'government_data', 5],
  ['M07', '列为重点监管对象，提高抽查比例和频次', 'punishment', 'market', 10],
  ['M08', '依据限制消费令协助限制乘坐飞机、列车软卧及高铁一等以上座位', 'punishment', 'transport', 5],
  ['M09', '限制享受税收优惠政策', 'punishment', 'tax', 10],
  ['M10', '依法限制参与国有土地使用权出让', 'punishment', 'natural_resources', 15],
  ['M11', '限制新增项目审批、核准', 'punishment', 'development_reform', 15],
  ['M12', '取消参加评先评优资格', 'punishment', 'hr', 10],
  ['M13', '提高海关查验比例，加强稽核', 'punishment', 'customs', 10],
  ['M14', '在融资授信中审慎评估，从严审核', 'punishment', 'financial_regulation', 10],
  // 激励措施 (rewards)
  ['M15', '行政审批“绿色通道”', 'reward', 'government_data', 5],
  ['M16', '行政许可容缺受理', 'reward', 'government_data', 10],
  ['M17', '同等条件下优先安排财政资金支持', 'reward', 'finance', 15],
  ['M18', '减少日常监督检查抽查比例和频次', 'reward', 'market', 10],
  ['M19', '海关通关便利，降低查验比例', 'reward', 'customs', 10],
  ['M20', '办税绿色通道及纳税服务便利', 'reward', 'tax', 10],
];

/** 联合奖惩措施清单 of 示范市. */
export const measures: Measure[] = SPECS.map(([code, name, kind, respondingKind, feedbackDays], i) => ({
  code,
  name,
  kind,
  respondingKind,
  feedbackDays,
  sort: i + 1,
}));
