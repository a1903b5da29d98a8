import { Button, Flex, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useMe } from '../features/auth/api/get-me';
import { ROLE_LABELS, describeScope } from '../features/auth/utils/describe-user';
import { BackgroundJobsButton } from '../features/jobs/components/background-jobs';
import { endSession } from '../lib/auth-store';
import { navigate } from '../lib/router';
import { menuKeyOf, menuRoutes } from './routes';

interface AppHeaderProps {
  /** The page's path, or undefined on an unknown address. */
  activePath: string | undefined;
}

export function AppHeader({ activePath }: AppHeaderProps) {
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
        selectedKeys={activePath ? [menuKeyOf(activePath)] : []}
        items={(user ? menuRoutes(user.role) : []).map((route) => ({
          key: route.path,
          label: route.label,
        }))}
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
        {user && <BackgroundJobsButton />}
        <Button onClick={() => endSession('signed_out')}>Đăng xuất</Button>
      </Flex>
    </Layout.Header>
  );
}
