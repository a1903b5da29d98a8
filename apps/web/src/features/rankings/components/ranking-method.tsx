import {
  RESULT_STATUSES,
  describeCohortVi,
  formatPeriodVi,
  type TIndicator,
  type TRankingMethod,
} from '@commune-bench/domain';
import { Descriptions, Typography } from 'antd';
import { RESULT_STATUS_LABELS, TIE_RULE_LABELS } from '../../../lib/vi-labels';
import { COMPOSITE, COMPOSITE_LABEL } from '../../indicators/components/indicator-select';

interface RankingMethodProps {
  method: TRankingMethod;
  indicator: TIndicator | undefined;
  provinceName: (code: string) => string | undefined;
  total: number;
}

/** The method note every ranking states: cohort, period, indicator, tie rule, rounding, statuses. */
export function RankingMethod({ method, indicator, provinceName, total }: RankingMethodProps) {
  const indicatorName =
    method.indicator === COMPOSITE ? COMPOSITE_LABEL : (indicator?.nameVi ?? method.indicator);
  const statuses = RESULT_STATUSES.filter((status) => method.statusesCounted.includes(status));
  return (
    <section aria-label="Phương pháp xếp hạng">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        bordered
        title={<Typography.Text strong>Phương pháp xếp hạng</Typography.Text>}
        items={[
          {
            key: 'cohort',
            label: 'Nhóm so sánh',
            children: `${describeCohortVi(method.cohort, { provinceName })} (${total} đơn vị được xếp hạng)`,
          },
          {
            key: 'period',
            label: 'Kỳ',
            children:
              method.previousPeriod === null
                ? formatPeriodVi(method.period)
                : `${formatPeriodVi(method.period)}, so với ${formatPeriodVi(method.previousPeriod)}`,
          },
          {
            key: 'indicator',
            label: 'Chỉ số',
            children: `${indicatorName} — ${method.direction === 'higher_better' ? 'cao hơn là tốt hơn' : 'thấp hơn là tốt hơn'}`,
          },
          { key: 'ties', label: 'Đồng hạng', children: TIE_RULE_LABELS[method.ties] },
          {
            key: 'rounding',
            label: 'Làm tròn',
            children: `Giá trị làm tròn đến ${method.precision} chữ số thập phân trước khi so sánh và xếp hạng`,
          },
          {
            key: 'statuses',
            label: 'Kết quả được tính',
            children:
              statuses.map((status) => RESULT_STATUS_LABELS[status].toLowerCase()).join(', ') +
              (statuses.includes('submitted') ? ' (kết quả chưa thẩm định ghi “Tạm tính”)' : ''),
          },
        ]}
      />
      {method.indicator === COMPOSITE && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          Điểm tổng hợp đo mức độ mỗi đơn vị thực hiện chỉ tiêu của chính mình (bình quân có trọng
          số theo lĩnh vực của min(tỷ lệ đạt, 1), thang 0–100). Đơn vị đặt chỉ tiêu thấp có thể đạt
          điểm cao: hãy xem cùng bảng xếp hạng theo giá trị thực của từng chỉ số.
        </Typography.Paragraph>
      )}
    </section>
  );
}
