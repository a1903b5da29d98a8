import { Alert, List, Tag, Typography } from 'antd';
import type { PlanCascade } from '../api/get-plan-cascade';

/** The check against the parent plan: targets weaker than the parent's, and ones it lacks. */
export function CascadeWarnings({ cascade }: { cascade: PlanCascade | undefined }) {
  if (!cascade || cascade.parentPlanId === null) return null;
  if (cascade.issues.length === 0) {
    return <Alert type="success" showIcon title="Các chỉ tiêu không thấp hơn kế hoạch cấp trên." />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={`Cảnh báo so với kế hoạch cấp trên: ${cascade.issues.length} chỉ tiêu`}
      description={
        <List
          size="small"
          dataSource={cascade.issues}
          renderItem={(issue) => (
            <List.Item>
              <Typography.Text>
                <Tag color={issue.kind === 'weaker' ? 'orange' : 'default'}>
                  {issue.kind === 'weaker' ? 'Thấp hơn cấp trên' : 'Thiếu so với cấp trên'}
                </Tag>
                {issue.message}
              </Typography.Text>
            </List.Item>
          )}
        />
      }
    />
  );
}
