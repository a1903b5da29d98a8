import {
  canEditUnitData,
  type TMe,
  type TPlanDetail,
  type TPlanSummary,
  type TUnitRef,
} from '@commune-bench/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App, Alert, Button, Descriptions, Flex, Select, Space, Tag, Typography } from 'antd';
import { ApiError } from '../../../lib/api-client';
import { PLAN_STATUS_LABELS } from '../../../lib/vi-labels';
import { useIndicatorLookup } from '../../indicators/api/list-indicators';
import { usePlanCascade } from '../api/get-plan-cascade';
import { useIssuePlan } from '../api/issue-plan';
import { plansKeys } from '../api/query-keys';
import { useUpdatePlan } from '../api/update-plan';
import { describeDocument } from '../utils/plan-labels';
import { CascadeWarnings } from './cascade-warnings';
import { TargetGroups } from './target-groups';

interface PlanDetailProps {
  plan: TPlanDetail;
  user: TMe;
  unit: TUnitRef;
  /** Plans that may be named as the parent (a province's or the national plan). */
  parentCandidates: readonly TPlanSummary[];
}

function conflictPlan(error: unknown): TPlanDetail | null {
  if (!(error instanceof ApiError) || error.code !== 'version_conflict') return null;
  const current = (error.details as { current?: TPlanDetail } | undefined)?.current;
  return current ?? null;
}

export function PlanDetail({ plan, user, unit, parentCandidates }: PlanDetailProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const lookup = useIndicatorLookup();
  const cascade = usePlanCascade(plan.id, plan.parentPlanId !== null);
  const issue = useIssuePlan();
  const update = useUpdatePlan();
  const editable = canEditUnitData(user, unit);
  const conflict = conflictPlan(issue.error) ?? conflictPlan(update.error);
  const otherError = [issue.error, update.error].find(
    (error) => error !== null && conflictPlan(error) === null,
  );

  const reloadLatest = () => {
    if (conflict) queryClient.setQueryData(plansKeys.detail(plan.id), conflict);
    void queryClient.invalidateQueries({ queryKey: plansKeys.detail(plan.id) });
    issue.reset();
    update.reset();
  };

  return (
    <Flex vertical gap="middle" role="region" aria-label={`Kế hoạch: ${plan.title}`}>
      <Flex justify="space-between" align="flex-start" gap="middle" wrap>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {plan.title}
          </Typography.Title>
          <Space size="small" wrap style={{ marginTop: 4 }}>
            <Tag color={plan.status === 'issued' ? 'green' : 'gold'}>
              {PLAN_STATUS_LABELS[plan.status]}
            </Tag>
            {plan.isDemo && <Tag color="orange">Dữ liệu minh họa</Tag>}
            <Typography.Text type="secondary">Phiên bản {plan.version}</Typography.Text>
          </Space>
        </div>
        {editable && plan.status === 'draft' && (
          <Button
            type="primary"
            loading={issue.isPending}
            onClick={() =>
              issue.mutate(
                { id: plan.id, version: plan.version },
                { onSuccess: () => void message.success('Đã ban hành kế hoạch.') },
              )
            }
          >
            Ban hành kế hoạch
          </Button>
        )}
      </Flex>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title="Kế hoạch đã được người khác sửa trong lúc bạn xem."
          description={`Bản hiện tại là phiên bản ${conflict.version} (${PLAN_STATUS_LABELS[conflict.status]}). Tải bản mới nhất rồi thực hiện lại.`}
          action={<Button onClick={reloadLatest}>Tải bản mới nhất</Button>}
        />
      )}
      {otherError && <Alert type="error" showIcon title={otherError.message} />}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, lg: 2 }}
        items={[
          { key: 'document', label: 'Văn bản', children: describeDocument(plan) },
          { key: 'issuer', label: 'Cơ quan ban hành', children: plan.issuer ?? '—' },
          { key: 'period', label: 'Thời kỳ', children: `${plan.fromYear}–${plan.toYear}` },
          {
            key: 'phases',
            label: 'Giai đoạn',
            children:
              plan.phases.length > 0
                ? plan.phases.map((phase) => `${phase.fromYear}–${phase.toYear}`).join('; ')
                : 'Không chia giai đoạn',
          },
          {
            key: 'source',
            label: 'Tệp nguồn',
            children: plan.sourceFile?.name ?? '—',
          },
          {
            key: 'parent',
            label: 'Kế hoạch cấp trên',
            children: editable ? (
              <Select
                aria-label="Kế hoạch cấp trên"
                allowClear
                placeholder="Không có"
                value={plan.parentPlanId ?? undefined}
                loading={update.isPending}
                style={{ width: '100%', maxWidth: 420 }}
                options={parentCandidates
                  .filter((candidate) => candidate.id !== plan.id)
                  .map((candidate) => ({ value: candidate.id, label: candidate.title }))}
                onChange={(parentPlanId: string | undefined) =>
                  update.mutate({
                    id: plan.id,
                    changes: { version: plan.version, parentPlanId: parentPlanId ?? null },
                  })
                }
              />
            ) : (
              (parentCandidates.find((candidate) => candidate.id === plan.parentPlanId)?.title ??
              (plan.parentPlanId ? 'Có' : 'Không có'))
            ),
          },
        ]}
      />
      <CascadeWarnings cascade={cascade.data} />
      <TargetGroups groups={plan.groups} lookup={lookup} />
    </Flex>
  );
}
