import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

interface PageTitleProps {
  title: string;
  subtitle?: ReactNode;
  extra?: ReactNode;
}

export function PageTitle({ title, subtitle, extra }: PageTitleProps) {
  return (
    <Flex justify="space-between" align="flex-start" gap="middle" wrap>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4, marginTop: 0 }}>
          {title}
        </Typography.Title>
        {subtitle !== undefined && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra}
    </Flex>
  );
}
