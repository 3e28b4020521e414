import { defineMessages } from '../define';

/** 下载公文: the official documents menu on the task, unit, meeting and review pages. */
export const documentMessages = defineMessages({
  'docs.menu': '下载公文',
  'docs.menuLabel': '下载公文（Word 格式）',
  'docs.notice': '督办通知单',
  'docs.notice.hint': '本任务的督办通知单',
  'docs.unitNotices': '督办通知单（全部未办结任务）',
  'docs.unitNotices.hint': '本单位牵头的未办结任务，每项一份，分页排列',
  'docs.breakdown': '重点任务分解表',
  'docs.breakdown.hint': '部署—举措—任务，A4 横排，表头每页重复',
  'docs.bulletin': '季度督查通报',
  'docs.bulletin.hint': '排名、逾期任务、通报表扬和书面说明',
  'docs.bulletinCharts': '季度督查通报（附图表）',
  'docs.bulletinCharts.hint': '同上，并附本页图表',
  'docs.download': '下载',
  'docs.preview': '预览首页',
  'docs.previewTitle': '《{doc}》首页预览',
  'docs.previewClose': '关闭预览',
  'docs.building': '正在生成《{doc}》…',
  'docs.buildingCount': '正在生成《{doc}》（{n} 份）…',
  'docs.done': '已生成 {file}',
  'docs.failed': '生成《{doc}》失败：{message}',
  'docs.retry': '重试',
  'docs.format': 'GB/T 9704 公文格式，Word 与 WPS 均可打开',
});
