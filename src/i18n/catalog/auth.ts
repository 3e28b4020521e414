import { defineMessages } from '../define';

export const authMessages = defineMessages({
  'auth.title': '登录',
  'auth.login': '登录名',
  'auth.password': '密码',
  'auth.submit': '登录',
  'auth.submitting': '正在登录…',
  'auth.continue': '登录后将回到刚才的页面，已填写的内容会保留。',
  'auth.notNeeded': '此服务器无需登录。',
  'auth.home': '返回首页',
  'auth.error.credentials': '登录名或密码不正确。',
  'auth.error.locked': '登录失败次数过多，请 {minutes} 分钟后再试。',
  'auth.error.network': '无法连接服务器，请检查网络后重试。',
  'auth.error.required': '请填写登录名和密码。',
  'auth.error.other': '登录失败：{message}',
  'auth.expired': '登录已过期，请重新登录（已填写的内容会保留）',
  'auth.signOut': '退出',
  'auth.signOutFailed': '退出失败：{message}',
});
