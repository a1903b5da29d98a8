import type { ReactNode } from 'react';
import { UnitsPage } from '../features/units/components/units-page';

export interface AppRoute {
  path: string;
  /** The menu entry. */
  label: string;
  element: ReactNode;
}

/** The app's pages, in menu order. The first is the home page. */
export const APP_ROUTES: readonly AppRoute[] = [
  { path: '/units', label: 'Đơn vị', element: <UnitsPage /> },
];

export function findRoute(pathname: string): AppRoute | undefined {
  const normalised = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return APP_ROUTES.find((route) => route.path === normalised);
}
