import { GIVEN, largeUnits, SURNAMES } from '../../mocks/seed/build-large';
import { SEED_PEOPLE } from '../../mocks/seed/org';
import type { Random } from '../../mocks/seed/random';
import type { Person, Unit } from '../../src/domain/schemas';

/**
 * The 100,000-task set's organisation: 600 units of one province — its 厅局 (64), its 16 cities, and
 * under each city its counties and bureaus (county/bureau level = `city-bureau`, parent = the city).
 * Starts from the 10,000-task set's 60 units, so the demo accounts (sup, kjt, fy, …) still exist.
 */
export const UNIT_COUNT = 600;

const MORE_PROVINCE: [string, string, string][] = [
  ['p-xcb', '省委宣传部', '省委宣传部'],
  ['p-tzb', '省委统战部', '省委统战部'],
  ['p-zfw', '省委政法委', '省委政法委'],
  ['p-wxb', '省委网信办', '省委网信办'],
  ['p-bb', '省委编办', '省委编办'],
  ['p-gat', '省公安厅', '省公安厅'],
  ['p-mzt', '省民政厅', '省民政厅'],
  ['p-sft', '省司法厅', '省司法厅'],
  ['p-wht', '省文化和旅游厅', '省文旅厅'],
  ['p-yjt', '省应急管理厅', '省应急厅'],
  ['p-sjt', '省审计厅', '省审计厅'],
  ['p-tyjr', '省退役军人事务厅', '省退役军人厅'],
  ['p-lyj', '省林业局', '省林业局'],
  ['p-gdj', '省广播电视局', '省广电局'],
  ['p-tyj', '省体育局', '省体育局'],
  ['p-ybj', '省医疗保障局', '省医保局'],
  ['p-jgj', '省机关事务管理局', '省机关事务局'],
  ['p-lsj', '省粮食和物资储备局', '省粮食局'],
  ['p-nyj', '省能源局', '省能源局'],
  ['p-yjj', '省药品监督管理局', '省药监局'],
  ['p-xfj', '省信访局', '省信访局'],
  ['p-rfb', '省人民防空办公室', '省人防办'],
  ['p-xczx', '省乡村振兴局', '省乡村振兴局'],
  ['p-tcj', '省投资促进局', '省投资促进局'],
  ['p-gxs', '省供销合作社', '省供销社'],
  ['p-kx', '省科学技术协会', '省科协'],
  ['p-skj', '省社会科学院', '省社科院'],
  ['p-nky', '省农业科学院', '省农科院'],
  ['p-qxj', '省气象局', '省气象局'],
  ['p-txj', '省通信管理局', '省通信管理局'],
  ['p-swj', '省税务局', '省税务局'],
  ['p-yzj', '省邮政管理局', '省邮政管理局'],
  ['p-zgh', '省总工会', '省总工会'],
  ['p-tsw', '共青团省委', '团省委'],
  ['p-fl', '省妇女联合会', '省妇联'],
  ['p-cl', '省残疾人联合会', '省残联'],
  ['p-wb', '省外事办公室', '省外办'],
  ['p-mzw', '省民族宗教事务委员会', '省民宗委'],
  ['p-lgb', '省委老干部局', '省委老干部局'],
  ['p-dag', '省档案馆', '省档案馆'],
  ['p-dfz', '省地方志办公室', '省方志办'],
];

/** Counties and county-level cities of each city (as of 2024). */
const COUNTIES: Record<string, string[]> = {
  'c-hf': ['肥东县', '肥西县', '长丰县', '庐江县', '巢湖市'],
  'c-wh': ['南陵县', '无为市', '湾沚区', '繁昌区'],
  'c-bb': ['怀远县', '五河县', '固镇县'],
  'c-hn': ['凤台县', '寿县'],
  'c-mas': ['当涂县', '含山县', '和县'],
  'c-hb': ['濉溪县'],
  'c-tl': ['枞阳县'],
  'c-aq': ['怀宁县', '太湖县', '宿松县', '望江县', '岳西县', '桐城市', '潜山市'],
  'c-hs': ['歙县', '休宁县', '黟县', '祁门县'],
  'c-fy': ['临泉县', '太和县', '阜南县', '颍上县', '界首市'],
  'c-sz': ['砀山县', '萧县', '灵璧县', '泗县'],
  'c-cz': ['来安县', '全椒县', '定远县', '凤阳县', '天长市', '明光市'],
  'c-la': ['霍邱县', '舒城县', '金寨县', '霍山县'],
  'c-xc': ['郎溪县', '泾县', '绩溪县', '旌德县', '宁国市', '广德市'],
  'c-chz': ['东至县', '石台县', '青阳县'],
  'c-bz': ['涡阳县', '蒙城县', '利辛县'],
};

/** A city's bureaus, in the order they are added (code, name after the city's, short name). */
const BUREAUS: [string, string, string][] = [
  ['fgw', '发展改革委', '发改委'],
  ['jxj', '经济和信息化局', '经信局'],
  ['kjj', '科技局', '科技局'],
  ['jyj', '教育局', '教育局'],
  ['czj', '财政局', '财政局'],
  ['rsj', '人力资源社会保障局', '人社局'],
  ['zrj', '自然资源和规划局', '自然资源局'],
  ['sthj', '生态环境局', '生态环境局'],
  ['zjj', '住房城乡建设局', '住建局'],
  ['jtj', '交通运输局', '交通局'],
  ['swj', '商务局', '商务局'],
  ['nyj', '农业农村局', '农业农村局'],
  ['slj', '水务局', '水务局'],
  ['wjw', '卫生健康委', '卫健委'],
  ['wlj', '文化和旅游局', '文旅局'],
  ['yjj', '应急管理局', '应急局'],
  ['scj', '市场监管局', '市场监管局'],
  ['sjj', '审计局', '审计局'],
  ['tjj', '统计局', '统计局'],
  ['ybj', '医疗保障局', '医保局'],
  ['sjzy', '数据资源局', '数据资源局'],
  ['cgj', '城市管理局', '城管局'],
  ['mzj', '民政局', '民政局'],
  ['sfj', '司法局', '司法局'],
  ['gzw', '国资委', '国资委'],
  ['zzb', '委组织部', '组织部'],
  ['xcb', '委宣传部', '宣传部'],
  ['tcj', '投资促进局', '投促局'],
  ['xfj', '信访局', '信访局'],
  ['lyj', '林业局', '林业局'],
  ['tyjr', '退役军人事务局', '退役军人局'],
];

const PINYIN_COUNTY = (cityId: string, i: number) => `k-${cityId.slice(2)}-${String(i + 1).padStart(2, '0')}`;

export function units600(): Unit[] {
  const units = largeUnits();
  const ids = new Set(units.map((u) => u.id));
  const add = (u: Unit) => {
    if (units.length >= UNIT_COUNT || ids.has(u.id)) return;
    ids.add(u.id);
    units.push(u);
  };
  for (const [id, name, shortName] of MORE_PROVINCE)
    add({ id, name, shortName, level: 'province-dept', parentId: null });
  const cities = units.filter((u) => u.level === 'city');
  for (const city of cities)
    (COUNTIES[city.id] ?? []).forEach((name, i) => {
      add({ id: PINYIN_COUNTY(city.id, i), name, shortName: name, level: 'city-bureau', parentId: city.id });
    });
  // Bureaus type by type across the cities until the province has its 600 units.
  for (const [code, suffix, short] of BUREAUS)
    for (const city of cities)
      add({
        id: `b-${city.id.slice(2)}-${code}`,
        name: `${city.name}${suffix}`,
        shortName: `${city.shortName}${short}`,
        level: 'city-bureau',
        parentId: city.id,
      });
  if (units.length !== UNIT_COUNT) throw new Error(`org-600: ${units.length} units, expected ${UNIT_COUNT}`);
  return units;
}

/** Extra 督查室 supervisors (the office's staff), so reviews are not all one person's. */
const SUPERVISORS: [string, string][] = [
  ['u-sup3', '督查一处处长'],
  ['u-sup4', '督查二处处长'],
  ['u-sup5', '督查三处处长'],
  ['u-sup6', '督查专员'],
];

/** The seed's people, one responsible staff member for every other unit, and the office's supervisors. */
export function people600(units: readonly Unit[], rng: Random): Person[] {
  const people = [...SEED_PEOPLE];
  const staffed = new Set(people.filter((p) => p.role === 'staff').map((p) => p.unitId));
  const name = () => `${rng.pick([...SURNAMES])}${rng.pick(GIVEN)}`;
  for (const u of units) {
    if (staffed.has(u.id) || u.id === 'p-wbt' || u.id === 'p-dcs') continue;
    const title =
      u.level === 'city' ? '市委督查室主任' : u.level === 'province-dept' ? '综合处处长' : '办公室主任';
    people.push({ id: `u-${u.id}`, name: name(), unitId: u.id, role: 'staff', title });
  }
  for (const [id, title] of SUPERVISORS)
    people.push({ id, name: name(), unitId: 'p-dcs', role: 'supervisor', title });
  return people;
}
