import { Button, Card, Col, Empty, Flex, List, Row, Spin, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { PageTitle } from '../../../components/page-title';
import { QueryError } from '../../../components/query-error';
import { buildPath, navigate, useSearchParams } from '../../../lib/router';
import { PLAN_STATUS_LABELS } from '../../../lib/vi-labels';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { UnitSelect } from '../../units/components/unit-select';
import { useSelectableUnits } from '../../units/hooks/use-selectable-units';
import { usePlan } from '../api/get-plan';
import { useAllPlans, usePlans } from '../api/list-plans';
import { describeDocument } from '../utils/plan-labels';
import { PlanDetail } from './plan-detail';

/** Kế hoạch: a unit's plans, and the chosen plan's targets by reform area and phase. */
export function PlansPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const selectable = useSelectableUnits();
  const staff = user.role === 'commune_staff';
  const unitId = staff ? (user.scope.unitId ?? undefined) : (params.get('unit') ?? undefined);
  const plans = usePlans(unitId);
  const planId = params.get('plan') ?? plans.data?.[0]?.id;
  const plan = usePlan(planId);
  const unit = selectable.units.find((each) => each.id === unitId);
  const allPlans = useAllPlans(plan.data !== undefined);
  const parentCandidates = useMemo(() => allPlans.data ?? [], [allPlans.data]);

  const setParam = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title="Kế hoạch cải cách hành chính"
        subtitle="Kế hoạch của đơn vị và các chỉ tiêu theo lĩnh vực, giai đoạn."
        extra={
          <Button
            type="primary"
            onClick={() => navigate(buildPath('/plans/import', { unit: unitId }))}
          >
            Nhập kế hoạch từ văn bản
          </Button>
        }
      />
      {!staff && (
        <UnitSelect
          units={selectable.units}
          loading={selectable.isPending}
          value={unitId}
          onChange={(unit) => setParam({ unit, plan: undefined })}
        />
      )}
      {!unitId ? (
        <Empty description="Chọn một đơn vị để xem kế hoạch." />
      ) : plans.isError ? (
        <QueryError
          title="Không tải được danh sách kế hoạch."
          error={plans.error}
          onRetry={() => void plans.refetch()}
        />
      ) : plans.isPending ? (
        <Spin description="Đang tải kế hoạch…" />
      ) : plans.data.length === 0 ? (
        <Empty description="Đơn vị chưa có kế hoạch nào. Dùng “Nhập kế hoạch từ văn bản” để thêm." />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={7}>
            <Card size="small" title={`Kế hoạch của đơn vị (${plans.data.length})`}>
              <List
                size="small"
                dataSource={plans.data}
                renderItem={(summary) => (
                  <List.Item
                    onClick={() => setParam({ plan: summary.id })}
                    style={{
                      cursor: 'pointer',
                      background: summary.id === planId ? '#e6f4ff' : undefined,
                      paddingInline: 8,
                    }}
                    aria-current={summary.id === planId ? 'true' : undefined}
                  >
                    <Flex vertical gap={2}>
                      <Typography.Link strong={summary.id === planId}>
                        {summary.title}
                      </Typography.Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {describeDocument(summary)} · {summary.fromYear}–{summary.toYear} ·{' '}
                        {summary.targetCount} chỉ tiêu
                      </Typography.Text>
                      <span>
                        <Tag color={summary.status === 'issued' ? 'green' : 'gold'}>
                          {PLAN_STATUS_LABELS[summary.status]}
                        </Tag>
                      </span>
                    </Flex>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24} lg={17}>
            {plan.isError ? (
              <QueryError title="Không tải được kế hoạch." error={plan.error} />
            ) : plan.data && unitId ? (
              <PlanDetail
                plan={plan.data}
                user={user}
                unit={{ id: unitId, provinceCode: unit?.provinceCode ?? null }}
                parentCandidates={parentCandidates}
              />
            ) : (
              <Spin description="Đang tải kế hoạch…" />
            )}
          </Col>
        </Row>
      )}
    </Flex>
  );
}
