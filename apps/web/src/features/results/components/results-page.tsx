import { isValidPeriod } from '@commune-bench/domain';
import { Empty, Flex, Select, Tabs } from 'antd';
import { PageTitle } from '../../../components/page-title';
import { PeriodSelect } from '../../../components/period-select';
import { useSearchParams } from '../../../lib/router';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { IndicatorSelect } from '../../indicators/components/indicator-select';
import { UnitSelect } from '../../units/components/unit-select';
import { useSelectableUnits } from '../../units/hooks/use-selectable-units';
import { defaultPeriod } from '../../rankings/hooks/use-ranking-filters';
import { ResultsEntry } from './results-entry';
import { ResultsUpload } from './results-upload';
import { ReviewQueue } from './review-queue';

type Tab = 'entry' | 'queue' | 'upload';

/** Kết quả: enter and submit results; reviewers verify or return them; upload a file of results. */
export function ResultsPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const selectable = useSelectableUnits();
  const staff = user.role === 'commune_staff';
  const reviewer = !staff;
  const tabs: Tab[] = reviewer ? ['queue', 'entry', 'upload'] : ['entry', 'upload'];
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked !== null && tabs.includes(asked) ? asked : (tabs[0] ?? 'entry');
  const unitId = staff ? (user.scope.unitId ?? undefined) : (params.get('unit') ?? undefined);
  const askedPeriod = params.get('period') ?? '';
  const period = isValidPeriod(askedPeriod) ? askedPeriod : undefined;
  const indicator = params.get('indicator') ?? undefined;
  const unit = selectable.units.find((each) => each.id === unitId);

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  const unitPicker = !staff && (
    <UnitSelect
      units={selectable.units}
      loading={selectable.isPending}
      value={unitId}
      onChange={(unit) => set({ unit })}
      placeholder={tab === 'queue' ? 'Mọi đơn vị trong phạm vi' : 'Chọn đơn vị'}
    />
  );

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title="Kết quả thực hiện"
        subtitle="Nhập kết quả theo kỳ, gửi thẩm định; chuyên viên thẩm định hoặc trả lại kèm lý do."
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key })}
        items={tabs.map((key) => ({
          key,
          label:
            key === 'entry'
              ? 'Nhập kết quả'
              : key === 'queue'
                ? 'Chờ thẩm định'
                : 'Tải tệp kết quả',
        }))}
      />
      {tab === 'entry' && (
        <>
          <Flex wrap gap="small" role="search" aria-label="Đơn vị và kỳ">
            {unitPicker}
            <PeriodSelect
              withSubPeriods
              value={period ?? defaultPeriod()}
              onChange={(value) => set({ period: value })}
            />
          </Flex>
          {unitId ? (
            <ResultsEntry
              key={`${unitId}|${period ?? defaultPeriod()}`}
              user={user}
              unit={{ id: unitId, provinceCode: unit?.provinceCode ?? null }}
              period={period ?? defaultPeriod()}
            />
          ) : (
            <Empty description="Chọn một đơn vị để nhập kết quả." />
          )}
        </>
      )}
      {tab === 'queue' && (
        <>
          <Flex wrap gap="small" role="search" aria-label="Lọc kết quả chờ thẩm định">
            {unitPicker}
            <Select
              aria-label="Kỳ"
              allowClear
              placeholder="Mọi kỳ"
              value={period}
              style={{ width: 160 }}
              options={Array.from({ length: 8 }, (_unused, index) =>
                String(new Date().getFullYear() + 1 - index),
              ).map((year) => ({ value: year, label: `năm ${year}` }))}
              onChange={(value: string | undefined) => set({ period: value })}
            />
            <IndicatorSelect
              value={indicator}
              allowClear
              onChange={(code) => set({ indicator: code })}
            />
          </Flex>
          <ReviewQueue
            user={user}
            units={selectable.units}
            unitId={unitId}
            period={period}
            indicator={indicator}
          />
        </>
      )}
      {tab === 'upload' && <ResultsUpload />}
    </Flex>
  );
}
