import { createHashRouter, type RouteObject } from 'react-router';
import { DashboardPage } from '../features/dashboard';
import { Layout } from './layout';
import { NotFound } from './not-found';
import { SessionGate } from './session-gate';

/**
 * Routes, each lazily loaded so the first screen downloads only its own code. A hash router works
 * on any static host (the demo build), with no server rewrite rules.
 */
export const routes: RouteObject[] = [
  {
    path: '/login',
    lazy: () => import('../features/auth').then((m) => ({ Component: m.LoginPage })),
  },
  {
    path: '/',
    element: (
      <SessionGate>
        <Layout />
      </SessionGate>
    ),
    children: [
      // The first screen a leader opens is in the entry bundle, so nothing waits for a route chunk.
      { index: true, Component: DashboardPage },
      { path: 'inbox', lazy: () => import('../features/inbox').then((m) => ({ Component: m.InboxPage })) },
      {
        path: 'meetings',
        lazy: () => import('../features/meetings').then((m) => ({ Component: m.MeetingsPage })),
      },
      {
        path: 'meetings/:meetingId',
        lazy: () => import('../features/meetings').then((m) => ({ Component: m.MeetingDetailPage })),
      },
      { path: 'import', lazy: () => import('../features/import').then((m) => ({ Component: m.ImportPage })) },
      { path: 'ledger', lazy: () => import('../features/ledger').then((m) => ({ Component: m.LedgerPage })) },
      {
        path: 'ledger/:taskId',
        lazy: () => import('../features/task-detail').then((m) => ({ Component: m.TaskDetailPage })),
      },
      { path: 'review', lazy: () => import('../features/review').then((m) => ({ Component: m.ReviewPage })) },
      {
        path: 'review/report',
        lazy: () => import('../features/review').then((m) => ({ Component: m.ReviewReportPage })),
      },
      { path: 'units', lazy: () => import('../features/units').then((m) => ({ Component: m.UnitsPage })) },
      {
        path: 'units/:unitId',
        lazy: () => import('../features/units').then((m) => ({ Component: m.UnitDetailPage })),
      },
      {
        path: 'alignment',
        lazy: () => import('../features/alignment').then((m) => ({ Component: m.AlignmentPage })),
      },
      { path: 'audit', lazy: () => import('../features/audit').then((m) => ({ Component: m.AuditPage })) },
      {
        path: 'accounts',
        lazy: () => import('../features/accounts').then((m) => ({ Component: m.AccountsPage })),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createAppRouter() {
  return createHashRouter(routes);
}
