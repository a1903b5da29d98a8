import { Button, Flex, Layout, Result, Spin } from 'antd';
import { Suspense, useEffect } from 'react';
import { useCurrentUser } from '../features/auth/hooks/use-current-user';
import { navigate, useLocation } from '../lib/router';
import { AppHeader } from './app-header';
import { canOpen, findRoute, homePath } from './routes';

export function AppShell() {
  const { pathname, search } = useLocation();
  const user = useCurrentUser();
  const match = findRoute(pathname);
  const home = homePath(user);

  // `/` opens the user's home page, keeping any search params of a shared link.
  useEffect(() => {
    if (pathname === '/') navigate(`${home}${search}`, { replace: true });
  }, [pathname, search, home]);

  let content;
  if (match && canOpen(match.route, user.role)) {
    content = (
      <Suspense
        fallback={
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin description="Đang tải trang…" />
          </Flex>
        }
      >
        {match.route.element(match.params)}
      </Suspense>
    );
  } else if (match) {
    content = (
      <Result
        status="403"
        title="Trang này không dành cho vai trò của bạn"
        subTitle={`Tài khoản của bạn không mở được trang “${match.route.label}”.`}
        extra={
          <Button type="primary" onClick={() => navigate(home)}>
            Về trang đầu
          </Button>
        }
      />
    );
  } else if (pathname !== '/') {
    content = (
      <Result
        status="404"
        title="Không tìm thấy trang"
        subTitle="Địa chỉ này không có trong ứng dụng."
        extra={
          <Button type="primary" onClick={() => navigate(home)}>
            Về trang đầu
          </Button>
        }
      />
    );
  } else {
    content = null;
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader activePath={match ? pathname : undefined} />
      <Layout.Content style={{ padding: 24, maxWidth: 1600, width: '100%', margin: '0 auto' }}>
        {content}
      </Layout.Content>
    </Layout>
  );
}
