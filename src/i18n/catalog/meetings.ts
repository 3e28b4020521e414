import { defineMessages } from '../define';

export const meetingMessages = defineMessages({
  'meetings.title': '部署',
  'meetings.what': '会议列表',
  'meetings.col.title': '会议',
  'meetings.col.date': '日期',
  'meetings.col.place': '地点',
  'meetings.col.speakers': '讲话人',
  'meetings.col.directives': '部署',
  'meetings.col.tasks': '任务',
  'meetings.level.province': '省级',
  'meetings.level.city': '市级',
  'meetings.directives': '部署与举措',
  'meetings.measures': '举措 {n} 项',
  'meetings.noMeasures': '下设分项部署',
  'meetings.source': '来源：{source}',
  'meetings.openLedger': '在台账中查看任务',
  'meetings.fullText': '讲话原文',
  'meetings.meetingNotes': '会议纪要',
  'meetings.speaker.none': '会议',
});
