import { defineMessages } from '../define';

export const auditMessages = defineMessages({
  'audit.title': '操作日志',
  'audit.what': '操作日志',
  'audit.readonly': '操作日志只读，任何人都不能修改或删除。',
  'audit.col.at': '时间',
  'audit.col.actor': '操作人',
  'audit.col.action': '操作',
  'audit.col.target': '对象',
  'audit.col.outcome': '结果',
  'audit.col.detail': '详情',
  'audit.filter.outcome': '结果',
  'audit.filter.target': '对象（如 task:T-0001）',
  'audit.outcome.ok': '成功',
  'audit.outcome.denied': '拒绝',
  'audit.outcome.invalid': '无效',
  'audit.outcome.conflict': '冲突',
  'audit.outcome.not-found': '不存在',
  'audit.outcome.error': '错误',
});
