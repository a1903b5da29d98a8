import { ZPlanKind, type TPlanKind, type TPlanProposal } from '@commune-bench/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Input,
  InputNumber,
  List,
  Progress,
  Row,
  Select,
  Space,
  Tabs,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { PageTitle } from '../../../components/page-title';
import { PLAN_KIND_LABELS } from '../../../lib/vi-labels';
import { buildPath, navigate, useSearchParams } from '../../../lib/router';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { useIndicatorLookup } from '../../indicators/api/list-indicators';
import { UnitSelect } from '../../units/components/unit-select';
import { useSelectableUnits } from '../../units/hooks/use-selectable-units';
import { useCreatePlan } from '../api/create-plan';
import { useExtractPlan, type ExtractSource } from '../api/extract-plan';
import { useAllPlans } from '../api/list-plans';
import {
  initialPlanFields,
  initialRows,
  missingFields,
  openConflicts,
  sha256Hex,
  toPlanCreate,
  type PlanFields,
  type ReviewRow,
} from '../utils/proposal-review';
import { ProposalReviewTable } from './proposal-review-table';
import { SourceContext } from './source-context';
import { TargetEditModal } from './target-edit-modal';

const ACCEPTED_FILES = '.txt,.md,.docx,.pdf';
const TEXT_FILE = /\.(txt|md)$/i;

interface Loaded {
  proposal: TPlanProposal;
  /** The document text when the browser has it, to show each target in its context. */
  text: string | null;
  sourceFile: { name: string; sha256: string } | null;
}

/** Nhập kế hoạch: a document → proposed targets a person reviews → a saved draft plan. */
export function PlanImportPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const presetUnit =
    user.role === 'commune_staff'
      ? (user.scope.unitId ?? undefined)
      : (params.get('unit') ?? undefined);
  const selectable = useSelectableUnits();
  const lookup = useIndicatorLookup();
  const extract = useExtractPlan();
  const create = useCreatePlan();
  const parents = useAllPlans(true);

  const [pasted, setPasted] = useState('');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [rows, setRows] = useState<ReviewRow[]>([]);
  const [fields, setFields] = useState<PlanFields | null>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const start = async (source: ExtractSource, text: string | null, data: ArrayBuffer) => {
    setProblems([]);
    const name = source.kind === 'file' ? source.file.name : source.filename;
    const sourceFile = { name, sha256: await sha256Hex(data) };
    extract.mutate(source, {
      onSuccess: (proposal) => {
        setLoaded({ proposal, text, sourceFile });
        setRows(initialRows(proposal));
        setFields(initialPlanFields(proposal, selectable.units, presetUnit));
        setFocusedKey(null);
      },
    });
  };

  const fromFile = async (file: File) => {
    const data = await file.arrayBuffer();
    const text = TEXT_FILE.test(file.name) ? new TextDecoder().decode(data) : null;
    await start({ kind: 'file', file }, text, data);
  };

  const fromText = async () => {
    const data = new TextEncoder().encode(pasted);
    await start({ kind: 'text', text: pasted, filename: 'van-ban-dan.txt' }, pasted, data.buffer);
  };

  const decide = (key: string, change: Partial<ReviewRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const conflicts = useMemo(() => openConflicts(rows), [rows]);
  const focused = rows.find((row) => row.key === focusedKey) ?? rows[0];
  const editing = rows.find((row) => row.key === editingKey) ?? null;
  const counts = {
    accepted: rows.filter((row) => row.decision === 'accepted').length,
    rejected: rows.filter((row) => row.decision === 'rejected').length,
    pending: rows.filter((row) => row.decision === 'pending').length,
  };

  const save = () => {
    if (!loaded || !fields) return;
    const result = toPlanCreate(fields, loaded.proposal, rows, loaded.sourceFile);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    create.mutate(result.plan, {
      onSuccess: (plan) => {
        void message.success(`Đã lưu kế hoạch với ${plan.targets.length} chỉ tiêu.`);
        navigate(buildPath('/plans', { unit: plan.unitId, plan: plan.id }));
      },
    });
  };

  const setField = <K extends keyof PlanFields>(key: K, value: PlanFields[K]) =>
    setFields((current) => (current ? { ...current, [key]: value } : current));

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title="Nhập kế hoạch từ văn bản"
        subtitle="Tải lên hoặc dán văn bản kế hoạch; hệ thống đề xuất các chỉ tiêu để bạn xem xét trước khi lưu."
        extra={
          <Button onClick={() => navigate(buildPath('/plans', { unit: presetUnit }))}>
            Về danh sách kế hoạch
          </Button>
        }
      />
      <Card size="small" title="1. Văn bản kế hoạch">
        <Tabs
          items={[
            {
              key: 'upload',
              label: 'Tải tệp lên',
              children: (
                <Upload.Dragger
                  accept={ACCEPTED_FILES}
                  multiple={false}
                  showUploadList={false}
                  disabled={extract.isPending}
                  beforeUpload={(file) => {
                    void fromFile(file);
                    return false;
                  }}
                >
                  <Typography.Paragraph style={{ margin: 0 }}>
                    Kéo thả hoặc bấm để chọn tệp (.txt, .md, .docx, .pdf có lớp chữ)
                  </Typography.Paragraph>
                </Upload.Dragger>
              ),
            },
            {
              key: 'paste',
              label: 'Dán văn bản',
              children: (
                <Flex vertical gap="small">
                  <Input.TextArea
                    aria-label="Nội dung văn bản"
                    rows={8}
                    value={pasted}
                    onChange={(event) => setPasted(event.target.value)}
                    placeholder="Dán toàn bộ nội dung kế hoạch vào đây"
                  />
                  <Button
                    type="primary"
                    disabled={pasted.trim() === '' || extract.isPending}
                    onClick={() => void fromText()}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    Đọc văn bản
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
        {extract.isPending && (
          <Flex
            align="center"
            gap="small"
            role="status"
            aria-label="Đang đọc văn bản"
            style={{ marginTop: 12 }}
          >
            <Typography.Text type="secondary">
              {extract.progress !== null && extract.progress < 1
                ? 'Đang tải tệp lên…'
                : 'Đang đọc văn bản…'}
            </Typography.Text>
            <Progress
              style={{ width: 240, margin: 0 }}
              size="small"
              status="active"
              percent={extract.progress === null ? 100 : Math.round(extract.progress * 100)}
              showInfo={extract.progress !== null}
            />
          </Flex>
        )}
        {extract.isError && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            title="Không đọc được văn bản."
            description={extract.error.message}
          />
        )}
      </Card>

      {loaded && fields && (
        <>
          <Card
            size="small"
            title="2. Thông tin kế hoạch"
            role="region"
            aria-label="Thông tin kế hoạch"
          >
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={12}>
                <Typography.Text type="secondary">Đơn vị</Typography.Text>
                <UnitSelect
                  units={selectable.units}
                  loading={selectable.isPending}
                  value={fields.unitId}
                  disabled={user.role === 'commune_staff'}
                  onChange={(unitId) => setField('unitId', unitId)}
                  ariaLabel="Đơn vị của kế hoạch"
                  width="100%"
                />
                {loaded.proposal.plan.unitName && !fields.unitId && (
                  <Typography.Text type="warning">
                    Văn bản ghi “{loaded.proposal.plan.unitName}” nhưng không khớp đơn vị nào trong
                    phạm vi của bạn.
                  </Typography.Text>
                )}
              </Col>
              <Col xs={24} lg={12}>
                <Typography.Text type="secondary">Tên kế hoạch</Typography.Text>
                <Input
                  aria-label="Tên kế hoạch"
                  value={fields.title}
                  onChange={(event) => setField('title', event.target.value)}
                />
              </Col>
              <Col xs={12} lg={4}>
                <Typography.Text type="secondary">Loại văn bản</Typography.Text>
                <Select<TPlanKind>
                  aria-label="Loại văn bản"
                  value={fields.kind}
                  style={{ width: '100%' }}
                  options={ZPlanKind.options.map((kind) => ({
                    value: kind,
                    label: PLAN_KIND_LABELS[kind],
                  }))}
                  onChange={(kind) => setField('kind', kind)}
                />
              </Col>
              <Col xs={12} lg={4}>
                <Typography.Text type="secondary">Số văn bản</Typography.Text>
                <Input
                  aria-label="Số văn bản"
                  value={fields.documentNo ?? ''}
                  placeholder="Chưa có số"
                  onChange={(event) => setField('documentNo', event.target.value.trim() || null)}
                />
              </Col>
              <Col xs={12} lg={4}>
                <Typography.Text type="secondary">Từ năm</Typography.Text>
                <InputNumber<number>
                  aria-label="Từ năm"
                  min={1990}
                  max={2100}
                  precision={0}
                  value={fields.fromYear}
                  style={{ width: '100%' }}
                  onChange={(year) => setField('fromYear', year ?? undefined)}
                />
              </Col>
              <Col xs={12} lg={4}>
                <Typography.Text type="secondary">Đến năm</Typography.Text>
                <InputNumber<number>
                  aria-label="Đến năm"
                  min={1990}
                  max={2100}
                  precision={0}
                  value={fields.toYear}
                  style={{ width: '100%' }}
                  onChange={(year) => setField('toYear', year ?? undefined)}
                />
              </Col>
              <Col xs={24} lg={8}>
                <Typography.Text type="secondary">
                  Kế hoạch cấp trên (để kiểm tra chỉ tiêu không thấp hơn)
                </Typography.Text>
                <Select
                  aria-label="Kế hoạch cấp trên"
                  allowClear
                  placeholder="Không có"
                  style={{ width: '100%' }}
                  value={fields.parentPlanId ?? undefined}
                  options={(parents.data ?? []).map((plan) => ({
                    value: plan.id,
                    label: plan.title,
                  }))}
                  onChange={(parentPlanId: string | undefined) =>
                    setField('parentPlanId', parentPlanId ?? null)
                  }
                />
              </Col>
            </Row>
          </Card>

          {loaded.proposal.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`Cần lưu ý (${loaded.proposal.warnings.length})`}
              description={
                <List
                  size="small"
                  dataSource={loaded.proposal.warnings}
                  renderItem={(warning) => (
                    <List.Item>
                      {warning.line !== undefined && (
                        <Typography.Text strong>Dòng {warning.line}: </Typography.Text>
                      )}
                      {warning.message}
                    </List.Item>
                  )}
                />
              }
            />
          )}
          {conflicts.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`${conflicts.length} nhóm chỉ tiêu xung đột chưa giải quyết: văn bản ghi hai giá trị cho cùng chỉ số và năm. Nên giữ một và bỏ các chỉ tiêu còn lại.`}
            />
          )}

          <Card
            size="small"
            title={`3. Chỉ tiêu đề xuất (${rows.length}): nhận ${counts.accepted}, bỏ ${counts.rejected}, chưa xem xét ${counts.pending}`}
            extra={
              <Space>
                <Button
                  onClick={() =>
                    setRows((current) =>
                      current.map((row) =>
                        row.decision === 'pending' && missingFields(row.target).length === 0
                          ? { ...row, decision: 'accepted' }
                          : row,
                      ),
                    )
                  }
                >
                  Nhận các chỉ tiêu đủ thông tin còn lại
                </Button>
              </Space>
            }
          >
            <Flex vertical gap="middle">
              {focused && (
                // Stays in view while the reviewer scrolls down the table.
                <div style={{ position: 'sticky', top: 0, zIndex: 3 }}>
                  <SourceContext
                    text={loaded.text}
                    line={focused.target.source.line}
                    quote={focused.target.source.quote}
                  />
                </div>
              )}
              <ProposalReviewTable
                rows={rows}
                lookup={lookup}
                focusedKey={focused?.key ?? null}
                onFocus={setFocusedKey}
                onAccept={(key) => decide(key, { decision: 'accepted' })}
                onReject={(key) => decide(key, { decision: 'rejected' })}
                onEdit={setEditingKey}
              />
            </Flex>
          </Card>

          {problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              title="Chưa lưu được kế hoạch"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              }
            />
          )}
          {create.isError && (
            <Alert
              type="error"
              showIcon
              title="Không lưu được kế hoạch."
              description={create.error.message}
            />
          )}
          <Flex justify="flex-end">
            <Button type="primary" size="large" loading={create.isPending} onClick={save}>
              Lưu thành kế hoạch ({counts.accepted} chỉ tiêu)
            </Button>
          </Flex>
        </>
      )}
      <TargetEditModal
        target={editing?.target ?? null}
        phases={loaded?.proposal.plan.phases.map((phase) => phase.label) ?? []}
        onCancel={() => setEditingKey(null)}
        onSave={(target) => {
          if (editingKey) decide(editingKey, { target, decision: 'accepted', edited: true });
          setEditingKey(null);
        }}
      />
    </Flex>
  );
}
