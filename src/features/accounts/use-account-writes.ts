import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { accountQueries } from '../../api/accounts';
import { call } from '../../api/client';
import { peopleQueries } from '../../api/queries';
import { api, type createAccountBodySchema } from '../../domain/contract';

/** The three account writes; each refreshes the list (and the people, whom accounts are). */
export function useAccountWrites() {
  const qc = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: accountQueries.all }),
      qc.invalidateQueries({ queryKey: peopleQueries.all }),
    ]);
  };
  const create = useMutation({
    mutationFn: (body: z.input<typeof createAccountBodySchema>) => call(api.createAccount, { body }),
    onSuccess: refresh,
  });
  const setActive = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      call(api.setAccountActive, { params: { id }, body: { active } }),
    onSuccess: refresh,
  });
  const resetPassword = useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      call(api.resetPassword, { params: { id }, body: { password } }),
    onSuccess: refresh,
  });
  return { create, setActive, resetPassword };
}
