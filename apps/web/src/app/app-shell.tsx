import { Button, Layout, Result } from 'antd';
import { useEffect } from 'react';
import { navigate, useLocation } from '../lib/router';
import { AppHeader } from './app-header';
import { APP_ROUTES, findRoute } from './routes';

const HOME_PATH = APP_ROUTES[0]?.path ?? '/';

export function AppShell() {
  const { pathname, search } = useLocation();
  const route = findRoute(pathname);

  // `/` opens the home page, keeping any search params of a shared link.
  useEffect(() => {
    if (pathname === '/') navigate(`${HOME_PATH}${search}`, { replace: true });
  }, [pathname, search]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader activeRoute={route} />
      <Layout.Content style={{ padding: 24 }}>
        {route ? (
          route.element
        ) : pathname === '/' ? null : (
          <Result
            status="404"
            title="Không tìm thấy trang"
            subTitle="Địa chỉ này không có trong ứng dụng."
            extra={
              <Button type="primary" onClick={() => navigate(HOME_PATH)}>
                Về trang đầu
              </Button>
            }
          />
        )}
      </Layout.Content>
    </Layout>
  );
}
