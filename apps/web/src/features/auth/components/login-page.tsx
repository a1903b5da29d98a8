import type { TLoginRequest } from '@commune-bench/domain';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { getSignOutReason } from '../../../lib/auth-store';
import { useLogin } from '../api/login';

export function LoginPage() {
  const loginMutation = useLogin();
  // Read once: the notice explains why this screen appeared and goes with the next attempt.
  const [sessionExpired] = useState(() => getSignOutReason() === 'expired');

  const onFinish = (values: TLoginRequest): void => {
    loginMutation.mutate({ username: values.username.trim(), password: values.password });
  };

  return (
    <main style={{ display: 'flex', justifyContent: 'center', padding: '10vh 16px' }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Đăng nhập
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          commune-bench — So sánh kế hoạch cải cách hành chính
        </Typography.Paragraph>
        {sessionExpired && !loginMutation.isError && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại để tiếp tục."
          />
        )}
        {loginMutation.isError && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={loginMutation.error.message}
          />
        )}
        <Form<TLoginRequest>
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          disabled={loginMutation.isPending}
        >
          <Form.Item
            label="Tên đăng nhập"
            name="username"
            rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đăng nhập.' }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label="Mật khẩu"
            name="password"
            rules={[{ required: true, message: 'Vui lòng nhập mật khẩu.' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={loginMutation.isPending}>
            Đăng nhập
          </Button>
        </Form>
      </Card>
    </main>
  );
}
