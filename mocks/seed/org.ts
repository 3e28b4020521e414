import type { Person, Unit } from '../../src/domain/schemas';

/** The org tree of the demo: Anhui province departments, three cities and some 阜阳/合肥 bureaus. */
export const SEED_UNITS: Unit[] = [
  { id: 'p-wbt', name: '省委办公厅', shortName: '省委办公厅', level: 'province-dept', parentId: null },
  { id: 'p-dcs', name: '省委督查室', shortName: '督查室', level: 'province-dept', parentId: null },
  { id: 'p-zzb', name: '省委组织部', shortName: '省委组织部', level: 'province-dept', parentId: null },
  { id: 'p-fgw', name: '省发展改革委', shortName: '省发改委', level: 'province-dept', parentId: null },
  { id: 'p-kjt', name: '省科技厅', shortName: '省科技厅', level: 'province-dept', parentId: null },
  { id: 'p-jxt', name: '省经济和信息化厅', shortName: '省经信厅', level: 'province-dept', parentId: null },
  { id: 'p-jyt', name: '省教育厅', shortName: '省教育厅', level: 'province-dept', parentId: null },
  { id: 'p-czt', name: '省财政厅', shortName: '省财政厅', level: 'province-dept', parentId: null },
  {
    id: 'p-rst',
    name: '省人力资源社会保障厅',
    shortName: '省人社厅',
    level: 'province-dept',
    parentId: null,
  },
  { id: 'c-hf', name: '合肥市', shortName: '合肥', level: 'city', parentId: null },
  { id: 'c-fy', name: '阜阳市', shortName: '阜阳', level: 'city', parentId: null },
  { id: 'c-wh', name: '芜湖市', shortName: '芜湖', level: 'city', parentId: null },
  { id: 'b-hf-kjj', name: '合肥市科技局', shortName: '合肥科技局', level: 'city-bureau', parentId: 'c-hf' },
  { id: 'b-fy-kjj', name: '阜阳市科技局', shortName: '阜阳科技局', level: 'city-bureau', parentId: 'c-fy' },
  {
    id: 'b-fy-fgw',
    name: '阜阳市发展改革委',
    shortName: '阜阳发改委',
    level: 'city-bureau',
    parentId: 'c-fy',
  },
  {
    id: 'b-fy-jxj',
    name: '阜阳市经济和信息化局',
    shortName: '阜阳经信局',
    level: 'city-bureau',
    parentId: 'c-fy',
  },
  {
    id: 'b-fy-rsj',
    name: '阜阳市人力资源社会保障局',
    shortName: '阜阳人社局',
    level: 'city-bureau',
    parentId: 'c-fy',
  },
  { id: 'b-fy-zzb', name: '阜阳市委组织部', shortName: '阜阳组织部', level: 'city-bureau', parentId: 'c-fy' },
  { id: 'b-fy-czj', name: '阜阳市财政局', shortName: '阜阳财政局', level: 'city-bureau', parentId: 'c-fy' },
];

/**
 * Demo identities. Names are invented: the demo never impersonates the real officials whose speeches it
 * tracks. `staff` of each unit reports; the first staff member of a unit is its usual responsible person.
 */
export const SEED_PEOPLE: Person[] = [
  { id: 'u-leader', name: '周立新', unitId: 'p-wbt', role: 'leader', title: '省委副秘书长' },
  { id: 'u-sup', name: '陈静', unitId: 'p-dcs', role: 'supervisor', title: '督查室主任' },
  { id: 'u-sup2', name: '王磊', unitId: 'p-dcs', role: 'supervisor', title: '督查专员' },
  { id: 'u-zzb', name: '林晓燕', unitId: 'p-zzb', role: 'staff', title: '人才工作处处长' },
  { id: 'u-fgw', name: '赵敏', unitId: 'p-fgw', role: 'staff', title: '高技术产业处处长' },
  { id: 'u-kjt', name: '刘洋', unitId: 'p-kjt', role: 'staff', title: '规划处处长' },
  { id: 'u-kjt2', name: '孙悦', unitId: 'p-kjt', role: 'staff', title: '平台处副处长' },
  { id: 'u-jxt', name: '吴建国', unitId: 'p-jxt', role: 'staff', title: '科技处处长' },
  { id: 'u-jyt', name: '郑华', unitId: 'p-jyt', role: 'staff', title: '科技处处长' },
  { id: 'u-czt', name: '钱文', unitId: 'p-czt', role: 'staff', title: '科教处处长' },
  { id: 'u-rst', name: '冯丽', unitId: 'p-rst', role: 'staff', title: '专技处处长' },
  { id: 'u-hf', name: '何军', unitId: 'c-hf', role: 'staff', title: '市委督查室主任' },
  { id: 'u-fy', name: '马超', unitId: 'c-fy', role: 'staff', title: '市委督查室主任' },
  { id: 'u-wh', name: '唐宁', unitId: 'c-wh', role: 'staff', title: '市委督查室主任' },
  { id: 'u-hf-kjj', name: '许峰', unitId: 'b-hf-kjj', role: 'staff', title: '办公室主任' },
  { id: 'u-fy-kjj', name: '杨帆', unitId: 'b-fy-kjj', role: 'staff', title: '局办公室主任' },
  { id: 'u-fy-fgw', name: '胡斌', unitId: 'b-fy-fgw', role: 'staff', title: '综合科科长' },
  { id: 'u-fy-jxj', name: '高远', unitId: 'b-fy-jxj', role: 'staff', title: '技术科科长' },
  { id: 'u-fy-rsj', name: '罗芳', unitId: 'b-fy-rsj', role: 'staff', title: '人才科科长' },
  { id: 'u-fy-zzb', name: '梁静', unitId: 'b-fy-zzb', role: 'staff', title: '人才办主任' },
  { id: 'u-fy-czj', name: '宋涛', unitId: 'b-fy-czj', role: 'staff', title: '教科文科科长' },
];
