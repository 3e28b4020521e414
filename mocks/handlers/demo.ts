import { api } from '../../src/domain/contract';
import { mutate } from '../http';

export const demoHandlers = [
  mutate(
    api.demoReset,
    'demo.reset',
    () => 'demo',
    (ctx) => {
      ctx.db.reset(ctx.body.dataset);
      return { ok: true, body: { ok: true }, detail: `重置演示数据 (${ctx.body.dataset})` };
    },
  ),
];
