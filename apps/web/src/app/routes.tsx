import type { TMe, TRole } from '@commune-bench/domain';
import { lazy, type ReactNode } from 'react';
import { UnitsPage } from '../features/units/components/units-page';
import { matchPath, type RouteParams } from '../lib/router';

// Pages other than the home page load on first visit (smaller first download).
const OverviewPage = lazy(() =>
  import('../features/overview/components/overview-page').then((m) => ({
    default: m.OverviewPage,
  })),
);
const ComparisonPage = lazy(() =>
  import('../features/comparisons/components/comparison-page').then((m) => ({
    default: m.ComparisonPage,
  })),
);
const RankingsPage = lazy(() =>
  import('../features/rankings/components/rankings-page').then((m) => ({
    default: m.RankingsPage,
  })),
);
const PlansPage = lazy(() =>
  import('../features/plans/components/plans-page').then((m) => ({ default: m.PlansPage })),
);
const PlanImportPage = lazy(() =>
  import('../features/plans/components/plan-import-page').then((m) => ({
    default: m.PlanImportPage,
  })),
);
const ResultsPage = lazy(() =>
  import('../features/results/components/results-page').then((m) => ({ default: m.ResultsPage })),
);
const UnitPage = lazy(() =>
  import('../features/units/components/unit-page').then((m) => ({ default: m.UnitPage })),
);

export interface AppRoute {
  /** A path pattern; `:name` segments are params. */
  path: string;
  /** The menu entry (and the page's name). */
  label: string;
  element: (params: RouteParams) => ReactNode;
  /** Who may open the page (default: everyone signed in). The API checks again. */
  roles?: readonly TRole[];
  /** Listed in the header menu (default true). */
  menu?: boolean;
}

const ALL: readonly TRole[] = ['admin', 'reviewer', 'commune_staff'];

/** The app's pages, in menu order. */
export const APP_ROUTES: readonly AppRoute[] = [
  {
    path: '/overview',
    label: 'Tổng quan',
    element: () => <OverviewPage />,
    roles: ['commune_staff'],
  },
  {
    path: '/compare',
    label: 'So sánh',
    element: () => <ComparisonPage />,
    roles: ['admin', 'reviewer'],
  },
  { path: '/rankings', label: 'Xếp hạng', element: () => <RankingsPage /> },
  { path: '/plans', label: 'Kế hoạch', element: () => <PlansPage /> },
  {
    path: '/plans/import',
    label: 'Nhập kế hoạch',
    element: () => <PlanImportPage />,
    menu: false,
  },
  { path: '/results', label: 'Kết quả', element: () => <ResultsPage /> },
  { path: '/units', label: 'Đơn vị', element: () => <UnitsPage /> },
  {
    path: '/units/:id',
    label: 'Đơn vị',
    element: (params) => <UnitPage unitId={params.id ?? ''} />,
    menu: false,
  },
];

export interface RouteMatch {
  route: AppRoute;
  params: RouteParams;
}

export function findRoute(pathname: string): RouteMatch | undefined {
  for (const route of APP_ROUTES) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return undefined;
}

export function canOpen(route: AppRoute, role: TRole): boolean {
  return (route.roles ?? ALL).includes(role);
}

/** The menu a role sees; a detail page counts as its list's entry. */
export function menuRoutes(role: TRole): AppRoute[] {
  return APP_ROUTES.filter((route) => route.menu !== false && canOpen(route, role));
}

/** Where `/` leads: commune staff to their overview, everyone else to the units list. */
export function homePath(user: Pick<TMe, 'role'>): string {
  return user.role === 'commune_staff' ? '/overview' : '/units';
}

/** The menu entry a page belongs to: `/units/123` → `/units`, `/plans/import` → `/plans`. */
export function menuKeyOf(pathname: string): string {
  const first = `/${pathname.split('/')[1] ?? ''}`;
  return first;
}
