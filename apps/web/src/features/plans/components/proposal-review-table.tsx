import { formatPercentVi, type TIndicator } from '@commune-bench/domain';
import { Button, Flex, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { INDICATOR_UNIT_LABELS } from '../../../lib/vi-labels';
import { LOW_CONFIDENCE, missingFields, type ReviewRow } from '../utils/proposal-review';
import { areaName, describeTarget } from '../utils/plan-labels';

interface ProposalReviewTableProps {
  rows: readonly ReviewRow[];
  lookup: (code: string) => TIndicator | undefined;
  focusedKey: string | null;
  onFocus: (key: string) => void;
  onAccept: (key: string) => void;
  onReject: (key: string) => void;
  onEdit: (key: string) => void;
}

const DECISION_TAGS = {
  pending: <Tag>Chưa xem xét</Tag>,
  accepted: <Tag color="green">Nhận</Tag>,
  rejected: <Tag color="default">Bỏ</Tag>,
};

export function ConfidenceTag({ confidence }: { confidence: number }) {
  const color = confidence < LOW_CONFIDENCE ? 'red' : confidence < 0.8 ? 'orange' : 'green';
  return (
    <Tooltip title="Độ tin cậy của việc đọc chỉ số, cách so sánh và giá trị">
      <Tag color={color} data-confidence={confidence < LOW_CONFIDENCE ? 'low' : 'ok'}>
        {confidence < LOW_CONFIDENCE ? 'Tin cậy thấp ' : ''}
        {formatPercentVi(confidence * 100, 0)}
      </Tag>
    </Tooltip>
  );
}

/** The proposed targets: what was read, where, how sure; accept, edit or reject each. */
export function ProposalReviewTable({
  rows,
  lookup,
  focusedKey,
  onFocus,
  onAccept,
  onReject,
  onEdit,
}: ProposalReviewTableProps) {
  const columns: TableColumnsType<ReviewRow> = [
    {
      title: 'Chỉ tiêu đề xuất',
      key: 'target',
      render: (_value, row) => {
        const { target } = row;
        const indicator = target.indicatorCode ? lookup(target.indicatorCode) : undefined;
        const missing = missingFields(target);
        return (
          <Flex vertical gap={2}>
            <Typography.Text strong>{target.label}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {indicator
                ? `${indicator.nameVi} (${indicator.code})`
                : 'Không khớp chỉ số trong danh mục'}{' '}
              · {areaName(target.areaInPlan ?? indicator?.area ?? null)}
            </Typography.Text>
            <Space size={4} wrap>
              {target.comparator !== null && target.unit !== null && (
                <Typography.Text>
                  {describeTarget(
                    { comparator: target.comparator, value: target.value, unit: target.unit },
                    indicator,
                  )}
                </Typography.Text>
              )}
              {target.dueYear !== null && (
                <Typography.Text type="secondary">hạn {target.dueYear}</Typography.Text>
              )}
              {target.phase && <Tag>Giai đoạn {target.phase}</Tag>}
              {target.aspirational && <Tag>Phấn đấu</Tag>}
              {target.unit !== null && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  ({INDICATOR_UNIT_LABELS[target.unit]})
                </Typography.Text>
              )}
            </Space>
            <Space size={4} wrap>
              {missing.length > 0 && <Tag color="red">Thiếu: {missing.join(', ')}</Tag>}
              {target.conflict && (
                <Tooltip title="Cùng chỉ số, cùng năm nhưng văn bản ghi hai giá trị khác nhau: chọn một">
                  <Tag color="orange">Xung đột: {target.conflict}</Tag>
                </Tooltip>
              )}
              {row.edited && <Tag color="blue">Đã sửa</Tag>}
            </Space>
          </Flex>
        );
      },
    },
    {
      title: 'Nguồn',
      key: 'source',
      width: 380,
      render: (_value, row) => (
        <Flex vertical gap={2} align="flex-start">
          <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onFocus(row.key)}>
            Dòng {row.target.source.line}
          </Button>
          <Typography.Text style={{ fontSize: 12 }}>
            “<mark className="source-quote">{row.target.source.quote}</mark>”
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: 'Độ tin cậy',
      key: 'confidence',
      width: 120,
      render: (_value, row) => <ConfidenceTag confidence={row.target.confidence} />,
    },
    {
      title: 'Quyết định',
      key: 'decision',
      width: 200,
      render: (_value, row) => {
        const missing = missingFields(row.target);
        return (
          <Flex vertical gap={4} align="flex-start">
            {DECISION_TAGS[row.decision]}
            <Space size={4} wrap>
              <Tooltip title={missing.length > 0 ? 'Còn thiếu thông tin: hãy Sửa' : undefined}>
                <Button
                  size="small"
                  type={row.decision === 'accepted' ? 'primary' : 'default'}
                  disabled={missing.length > 0}
                  onClick={() => onAccept(row.key)}
                >
                  Nhận
                </Button>
              </Tooltip>
              <Button size="small" onClick={() => onEdit(row.key)}>
                Sửa
              </Button>
              <Button
                size="small"
                danger={row.decision === 'rejected'}
                onClick={() => onReject(row.key)}
              >
                Bỏ
              </Button>
            </Space>
          </Flex>
        );
      },
    },
  ];
  return (
    <Table<ReviewRow>
      aria-label="Chỉ tiêu đề xuất"
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={[...rows]}
      pagination={false}
      rowClassName={(row) =>
        [
          row.decision === 'rejected' ? 'proposal-row-rejected' : '',
          row.target.conflict ? 'proposal-row-conflict' : '',
          row.key === focusedKey ? 'league-row-own' : '',
        ]
          .filter(Boolean)
          .join(' ')
      }
    />
  );
}
