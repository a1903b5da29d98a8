import type { TAttainment, TAttainmentStatus } from '@commune-bench/domain';
import { Tag, Tooltip } from 'antd';
import { ATTAINMENT_COLORS, ATTAINMENT_LABELS } from '../lib/vi-labels';

interface AttainmentTagProps {
  status: TAttainmentStatus;
  /** The domain's explanation, shown on hover. */
  explanation?: string;
}

export function AttainmentTag({ status, explanation }: AttainmentTagProps) {
  const tag = (
    <Tag color={ATTAINMENT_COLORS[status]} data-status={status}>
      {ATTAINMENT_LABELS[status]}
    </Tag>
  );
  return explanation ? <Tooltip title={explanation}>{tag}</Tooltip> : tag;
}

export function attainmentTagOf(attainment: TAttainment | null) {
  return attainment === null ? null : (
    <AttainmentTag status={attainment.status} explanation={attainment.explanation} />
  );
}
