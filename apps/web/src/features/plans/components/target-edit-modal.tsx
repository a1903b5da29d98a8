import {
  COMPARATORS,
  INDICATOR_UNITS,
  REFORM_AREAS,
  REFORM_AREA_NAMES_VI,
  type TProposedTarget,
} from '@commune-bench/domain';
import { Checkbox, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { COMPARATOR_LABELS, INDICATOR_UNIT_LABELS } from '../../../lib/vi-labels';
import { IndicatorSelect } from '../../indicators/components/indicator-select';

interface TargetEditModalProps {
  target: TProposedTarget | null;
  phases: readonly string[];
  onCancel: () => void;
  onSave: (target: TProposedTarget) => void;
}

type FormValues = Pick<
  TProposedTarget,
  | 'indicatorCode'
  | 'label'
  | 'areaInPlan'
  | 'comparator'
  | 'value'
  | 'unit'
  | 'dueYear'
  | 'phase'
  | 'baselineYear'
  | 'aspirational'
>;

/** Edit one proposed target; saving it also accepts it. */
export function TargetEditModal({ target, phases, onCancel, onSave }: TargetEditModalProps) {
  const [form] = Form.useForm<FormValues>();
  useEffect(() => {
    if (target) form.setFieldsValue(target);
  }, [target, form]);

  return (
    <Modal
      open={target !== null}
      title="Sửa chỉ tiêu"
      okText="Lưu và nhận chỉ tiêu"
      cancelText="Hủy"
      onCancel={onCancel}
      onOk={() => {
        void form.validateFields().then((values) => {
          if (!target) return;
          onSave({
            ...target,
            ...values,
            label: values.label.trim(),
            indicatorCode: values.indicatorCode ?? null,
            areaInPlan: values.areaInPlan ?? null,
            value: values.value ?? null,
            phase: values.phase ?? null,
            baselineYear: values.baselineYear ?? null,
            aspirational: values.aspirational ?? false,
          });
        });
      }}
      width={640}
      destroyOnHidden
    >
      {target && (
        <Typography.Paragraph type="secondary">
          Nguồn (dòng {target.source.line}): “{target.source.quote}”
        </Typography.Paragraph>
      )}
      <Form<FormValues> form={form} layout="vertical" requiredMark={false}>
        <Form.Item label="Chỉ số trong danh mục" name="indicatorCode">
          <IndicatorSelect ariaLabel="Chỉ số trong danh mục" width="100%" allowClear />
        </Form.Item>
        <Form.Item
          label="Tên chỉ tiêu"
          name="label"
          rules={[{ required: true, whitespace: true, message: 'Cần tên chỉ tiêu.' }]}
        >
          <Input aria-label="Tên chỉ tiêu" />
        </Form.Item>
        <Form.Item label="Lĩnh vực" name="areaInPlan">
          <Select
            aria-label="Lĩnh vực"
            allowClear
            options={REFORM_AREAS.map((area) => ({
              value: area,
              label: REFORM_AREA_NAMES_VI[area],
            }))}
          />
        </Form.Item>
        <Form.Item
          label="Cách so sánh"
          name="comparator"
          rules={[{ required: true, message: 'Chọn cách so sánh.' }]}
        >
          <Select
            aria-label="Cách so sánh"
            options={COMPARATORS.map((comparator) => ({
              value: comparator,
              label: COMPARATOR_LABELS[comparator],
            }))}
          />
        </Form.Item>
        <Form.Item label="Giá trị" name="value">
          <InputNumber<number> aria-label="Giá trị" style={{ width: 200 }} decimalSeparator="," />
        </Form.Item>
        <Form.Item
          label="Đơn vị tính"
          name="unit"
          rules={[{ required: true, message: 'Chọn đơn vị tính.' }]}
        >
          <Select
            aria-label="Đơn vị tính"
            options={INDICATOR_UNITS.map((unit) => ({
              value: unit,
              label: INDICATOR_UNIT_LABELS[unit],
            }))}
          />
        </Form.Item>
        <Form.Item
          label="Năm phải đạt"
          name="dueYear"
          rules={[{ required: true, message: 'Cần năm phải đạt.' }]}
        >
          <InputNumber<number> aria-label="Năm phải đạt" min={1990} max={2100} precision={0} />
        </Form.Item>
        <Form.Item label="Giai đoạn" name="phase">
          <Select
            aria-label="Giai đoạn"
            allowClear
            options={phases.map((phase) => ({ value: phase, label: phase }))}
          />
        </Form.Item>
        <Form.Item label="Năm gốc (so với năm)" name="baselineYear">
          <InputNumber<number> aria-label="Năm gốc" min={1990} max={2100} precision={0} />
        </Form.Item>
        <Form.Item name="aspirational" valuePropName="checked">
          <Checkbox>Chỉ tiêu phấn đấu</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
