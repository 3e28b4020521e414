import type { ComponentType } from 'react';
import { createHashRouter, type RouteObject } from 'react-router';
import { DashboardPage } from '../features/dashboard';
import { Layout } from './layout';
import { NotFound } from './not-found';
import { RouteError, RouteLoading } from './route-error';
import { SessionGate } from './session-gate';

/** A lazily loaded page with its own error boundary (a failed chunk or a throwing page) and loading state. */
function page(path: string, load: () => Promise<ComponentType>): RouteObject {
  return {
    path,
    lazy: () => load().then((Component) => ({ Component })),
    ErrorBoundary: RouteError,
    HydrateFallback: RouteLoading,
  };
}

/**
 * Routes, each lazily loaded so the first screen downloads only its own code. A hash router works
 * on any static host (the demo build), with no server rewrite rules.
 */
export const routes: RouteObject[] = [
  {
    path: '/login',
    lazy: () => import('../features/auth').then((m) => ({ Component: m.LoginPage })),
    ErrorBoundary: RouteError,
    HydrateFallback: RouteLoading,
  },
  {
    path: '/',
    element: (
      <SessionGate>
        <Layout />
      </SessionGate>
    ),
    // Last resort if the shell itself fails; each page has its own boundary inside the shell.
    ErrorBoundary: RouteError,
    children: [
      // The first screen a leader opens is in the entry bundle, so nothing waits for a route chunk.
      { index: true, Component: DashboardPage, ErrorBoundary: RouteError },
      page('inbox', () => import('../features/inbox').then((m) => m.InboxPage)),
      page('meetings', () => import('../features/meetings').then((m) => m.MeetingsPage)),
      page('meetings/:meetingId', () => import('../features/meetings').then((m) => m.MeetingDetailPage)),
      page('import', () => import('../features/import').then((m) => m.ImportPage)),
      page('ledger', () => import('../features/ledger').then((m) => m.LedgerPage)),
      page('ledger/:taskId', () => import('../features/task-detail').then((m) => m.TaskDetailPage)),
      page('review', () => import('../features/review').then((m) => m.ReviewPage)),
      page('review/report', () => import('../features/review').then((m) => m.ReviewReportPage)),
      page('units', () => import('../features/units').then((m) => m.UnitsPage)),
      page('units/:unitId', () => import('../features/units').then((m) => m.UnitDetailPage)),
      page('alignment', () => import('../features/alignment').then((m) => m.AlignmentPage)),
      page('audit', () => import('../features/audit').then((m) => m.AuditPage)),
      page('accounts', () => import('../features/accounts').then((m) => m.AccountsPage)),
      page('outbox', () => import('../features/reminders').then((m) => m.OutboxPage)),
      page('reminder-rules', () => import('../features/reminders').then((m) => m.RulesPage)),
      page('my-reminders', () => import('../features/reminders').then((m) => m.PrefsPage)),
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createAppRouter() {
  return createHashRouter(routes);
}
