import type { UnitKeyword } from './types';

/** Editable keyword → lead unit table. Earlier rows take priority: put specific keywords first. */
export const DEFAULT_UNIT_KEYWORDS: UnitKeyword[] = [
  { keyword: '人才', unit: '省委组织部' },
  { keyword: '党的领导', unit: '省委办公厅' },
  { keyword: '党建', unit: '省委组织部' },
  { keyword: '科技投入', unit: '省财政厅' },
  { keyword: '资金', unit: '省财政厅' },
  { keyword: '长三角', unit: '省发展改革委' },
  { keyword: '重大项目', unit: '省发展改革委' },
  { keyword: '有效投资', unit: '省发展改革委' },
  { keyword: '营商环境', unit: '省发展改革委' },
  { keyword: '芯片', unit: '省经济和信息化厅' },
  { keyword: '新型显示', unit: '省经济和信息化厅' },
  { keyword: '新能源汽车', unit: '省经济和信息化厅' },
  { keyword: '企业', unit: '省经济和信息化厅' },
  { keyword: '产业', unit: '省经济和信息化厅' },
  { keyword: '实验室', unit: '省科技厅' },
  { keyword: '科学中心', unit: '省科技厅' },
  { keyword: '科技', unit: '省科技厅' },
  { keyword: '创新', unit: '省科技厅' },
  { keyword: '教育', unit: '省教育厅' },
  { keyword: '高校', unit: '省教育厅' },
  { keyword: '就业', unit: '省人力资源社会保障厅' },
  { keyword: '社保', unit: '省人力资源社会保障厅' },
  { keyword: '生态环境', unit: '省生态环境厅' },
  { keyword: '环保', unit: '省生态环境厅' },
  { keyword: '污染', unit: '省生态环境厅' },
  { keyword: '招商', unit: '省商务厅' },
  { keyword: '外贸', unit: '省商务厅' },
  { keyword: '消费', unit: '省商务厅' },
  { keyword: '文旅', unit: '省文化和旅游厅' },
  { keyword: '旅游', unit: '省文化和旅游厅' },
  { keyword: '乡村振兴', unit: '省农业农村厅' },
  { keyword: '农业', unit: '省农业农村厅' },
  { keyword: '防汛', unit: '省应急管理厅' },
  { keyword: '安全生产', unit: '省应急管理厅' },
  { keyword: '疫情', unit: '省卫生健康委' },
  { keyword: '统计', unit: '省统计局' },
  { keyword: '城市建设', unit: '省住房城乡建设厅' },
  { keyword: '改革', unit: '省委改革办' },
  { keyword: '督查', unit: '省政府督查室' },
];

/**
 * Lead unit for a directive: the first table row whose keyword occurs in the heading; if none, the
 * first row whose keyword occurs in the measures. Table order is priority order.
 */
export function suggestLeadUnit(
  heading: string,
  measures: readonly string[],
  table: readonly UnitKeyword[],
): string | undefined {
  const pick = (s: string): string | undefined => {
    for (const row of table) {
      if (!row || typeof row.keyword !== 'string' || !row.keyword || typeof row.unit !== 'string') continue;
      if (s.includes(row.keyword)) return row.unit;
    }
    return undefined;
  };
  return pick(heading) ?? pick(measures.join('，'));
}
