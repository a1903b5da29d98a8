import { Button, Flex, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useMe } from '../features/auth/api/get-me';
import { ROLE_LABELS, describeScope } from '../features/auth/utils/describe-user';
import { endSession } from '../lib/auth-store';
import { navigate } from '../lib/router';
import { APP_ROUTES, type AppRoute } from './routes';

interface AppHeaderProps {
  activeRoute: AppRoute | undefined;
}

export function AppHeader({ activeRoute }: AppHeaderProps) {
  const { data: user } = useMe();
  const scope = user ? describeScope(user.scope) : null;

  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 24,
        background: '#fff',
        paddingInline: 24,
      }}
    >
      <Typography.Text strong style={{ fontSize: 18, whiteSpace: 'nowrap' }}>
        commune-bench
      </Typography.Text>
      <Menu
        mode="horizontal"
        aria-label="Trang"
        selectedKeys={activeRoute ? [activeRoute.path] : []}
        items={APP_ROUTES.map((route) => ({ key: route.path, label: route.label }))}
        onClick={({ key }) => navigate(key)}
        style={{ flex: 1, minWidth: 0, borderBottom: 'none' }}
      />
      <Flex align="center" gap="small" aria-label="Người dùng" role="group">
        {user && (
          <Space size="small" wrap>
            <Typography.Text strong>{user.displayName}</Typography.Text>
            <Tag color="blue">{ROLE_LABELS[user.role]}</Tag>
            {scope !== null && <Typography.Text type="secondary">{scope}</Typography.Text>}
          </Space>
        )}
        <Button onClick={() => endSession('signed_out')}>Đăng xuất</Button>
      </Flex>
    </Layout.Header>
  );
}
