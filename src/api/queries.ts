import { queryOptions } from '@tanstack/react-query';
import type { AuditQuery, OutboxQuery, TaskListQuery } from '../domain/contract';
import { call } from './client';

/**
 * One query-options factory per resource, with hierarchical keys, so a mutation can invalidate
 * `['tasks']` (everything about tasks) or just `['tasks','detail',id]`.
 */
export const sessionQueries = {
  all: ['session'] as const,
  current: () =>
    queryOptions({ queryKey: ['session', 'current'], queryFn: () => call('session'), staleTime: 60_000 }),
};

export const unitQueries = {
  all: ['units'] as const,
  list: () =>
    queryOptions({ queryKey: ['units', 'list'], queryFn: () => call('units'), staleTime: 5 * 60_000 }),
};

export const peopleQueries = {
  all: ['people'] as const,
  list: () =>
    queryOptions({ queryKey: ['people', 'list'], queryFn: () => call('people'), staleTime: 5 * 60_000 }),
};

export const meetingQueries = {
  all: ['meetings'] as const,
  list: () => queryOptions({ queryKey: ['meetings', 'list'], queryFn: () => call('meetings') }),
  detail: (id: string) =>
    queryOptions({
      queryKey: ['meetings', 'detail', id],
      queryFn: () => call('meeting', { params: { id } }),
    }),
};

export const directiveQueries = {
  all: ['directives'] as const,
  list: (meetingId?: string) =>
    queryOptions({
      queryKey: ['directives', 'list', meetingId ?? null],
      queryFn: () => call('directives', { query: meetingId ? { meetingId } : {} }),
    }),
};

export const taskQueries = {
  all: ['tasks'] as const,
  lists: () => ['tasks', 'list'] as const,
  list: (filters: TaskListQuery) =>
    queryOptions({
      queryKey: ['tasks', 'list', filters],
      queryFn: ({ signal }) => call('listTasks', { query: filters, signal }),
    }),
  detail: (id: string) =>
    queryOptions({ queryKey: ['tasks', 'detail', id], queryFn: () => call('getTask', { params: { id } }) }),
};

export const auditQueries = {
  all: ['audit'] as const,
  list: (q: AuditQuery) =>
    queryOptions({
      queryKey: ['audit', 'list', q],
      queryFn: ({ signal }) => call('audit', { query: q, signal }),
    }),
};

export const inboxQueries = {
  all: ['inbox'] as const,
  /** Keyed by identity: switching the demo identity must never show another person's inbox. */
  mine: (personId: string, since: string | undefined) =>
    queryOptions({
      queryKey: ['inbox', personId, since ?? null],
      queryFn: ({ signal }) => call('inbox', { query: since ? { since } : {}, signal }),
      staleTime: 30_000,
    }),
};

export const reminderQueries = {
  all: ['reminders'] as const,
  // The outbox moves on its own (the jobs deliver in the background): it refreshes while open.
  outbox: (q: OutboxQuery) =>
    queryOptions({
      queryKey: ['reminders', 'outbox', q],
      queryFn: ({ signal }) => call('outbox', { query: q, signal }),
      refetchInterval: 5_000,
    }),
  rules: () => queryOptions({ queryKey: ['reminders', 'rules'], queryFn: () => call('reminderRules') }),
  prefs: () => queryOptions({ queryKey: ['reminders', 'prefs'], queryFn: () => call('myReminderPrefs') }),
  channels: () =>
    queryOptions({ queryKey: ['reminders', 'channels'], queryFn: () => call('reminderChannels') }),
};
