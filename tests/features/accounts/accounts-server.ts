import { HttpResponse, http } from 'msw';
import { server } from '../../../mocks/node';
import type { Account } from '../../../src/domain/contract';

/** The server's account endpoints over an in-memory list (the demo backend has no accounts). */
export function accountsServer() {
  const accounts: Account[] = [
    {
      personId: 'u-sup',
      login: 'chenjing',
      name: '陈静',
      unitId: 'p-dcs',
      role: 'supervisor',
      title: '督查室主任',
      active: true,
      passwordChangedAt: '2024-05-01T01:30:00Z',
    },
    {
      personId: 'u-kjt',
      login: 'liuyang',
      name: '刘洋',
      unitId: 'p-kjt',
      role: 'staff',
      title: '规划处处长',
      active: true,
      passwordChangedAt: null,
    },
  ];
  const requests: { method: string; path: string; body: unknown }[] = [];
  const bad = (path: string, message: string) =>
    HttpResponse.json(
      { error: { code: 'bad-request', message: '请求有误', fields: [{ path, message }] } },
      { status: 400 },
    );
  const find = (id: unknown) => accounts.find((a) => a.personId === id);
  server.use(
    http.get('*/api/accounts', () => HttpResponse.json(accounts)),
    http.post('*/api/accounts', async ({ request }) => {
      const body = (await request.json()) as Omit<Account, 'personId' | 'active' | 'passwordChangedAt'> & {
        password: string;
      };
      requests.push({ method: 'POST', path: '/api/accounts', body });
      if (body.password === 'password1234') return bad('password', '密码过于常见，请换一个');
      if (accounts.some((a) => a.login === body.login)) {
        return HttpResponse.json({ error: { code: 'conflict', message: 'login taken' } }, { status: 409 });
      }
      const { password: _, ...rest } = body;
      const created: Account = {
        ...rest,
        personId: `u-${body.login}`,
        active: true,
        passwordChangedAt: '2024-05-20T02:00:00Z',
      };
      accounts.push(created);
      return HttpResponse.json(created, { status: 201 });
    }),
    http.post('*/api/accounts/:id/active', async ({ request, params }) => {
      const body = (await request.json()) as { active: boolean };
      requests.push({ method: 'POST', path: `/api/accounts/${params.id}/active`, body });
      const a = find(params.id)!;
      a.active = body.active;
      return HttpResponse.json(a);
    }),
    http.post('*/api/accounts/:id/password', async ({ request, params }) => {
      const body = (await request.json()) as { password: string };
      requests.push({ method: 'POST', path: `/api/accounts/${params.id}/password`, body });
      const a = find(params.id)!;
      a.passwordChangedAt = '2024-05-20T03:15:00Z';
      return HttpResponse.json(a);
    }),
  );
  return { accounts, requests };
}
