import { useMemo, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FLOWS, REQUEST_KINDS, SENDER_LEVELS, type Rule } from '../../api/types';
import { useFields, useUnits } from '../units/queries';
import { useRoutingLabels } from './labels';
import { buildRule, EMPTY_RULE, validateRuleDraft, type RuleDraft, type RuleDraftErrors } from './ruleBuilder';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The rules now in the editor: for the position list and the id check. */
  rules: readonly Rule[];
  onInsert: (rule: Rule, position: number) => void;
}

/** "Thêm quy tắc": a form for the common rules, inserted into the editor at a chosen position. */
export function AddRuleModal(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('ruleForm.title')} size="xl" data-testid="rule-modal">
      {props.opened && <RuleForm {...props} />}
    </Modal>
  );
}

function RuleForm({ onClose, rules, onInsert }: Props) {
  const { t, i18n } = useTranslation();
  const labels = useRoutingLabels();
  const fields = useFields();
  const agencies = useUnits('agency');
  const [d, setD] = useState<RuleDraft>(EMPTY_RULE);
  const [errors, setErrors] = useState<RuleDraftErrors>({});
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => {
    setD((x) => ({ ...x, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined, ...(key === 'id' || key === 'name' ? {} : { actions: undefined }) }));
  };

  const positionOptions = useMemo(
    () => [
      { value: '0', label: t('ruleForm.positionTop') },
      ...rules.slice(1).map((r, i) => ({
        value: String(i + 1),
        label: t('ruleForm.positionBefore', { n: i + 2, id: String(r?.id ?? '') }),
      })),
      ...(rules.length ? [{ value: String(rules.length), label: t('ruleForm.positionEnd') }] : []),
    ],
    [rules, t],
  );
  const fieldOptions = (fields.data?.items ?? []).map((f) => ({
    value: f.code,
    label: i18n.language === 'en' && f.nameEn ? f.nameEn : f.name,
  }));
  const leadAgencyOptions = [
    { value: 'by_field', label: t('ruleForm.leadAgencyByField') },
    { value: 'competent', label: t('ruleForm.leadAgencyCompetent') },
    ...(agencies.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.code, label: u.name })),
  ];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs = validateRuleDraft(
      d,
      rules.map((r) => String(r?.id ?? '')),
      {
        idInvalid: t('ruleForm.idInvalid'),
        idTaken: (id) => t('ruleForm.idTaken', { id }),
        nameRequired: t('ruleForm.nameRequired'),
        actionRequired: t('ruleForm.actionRequired'),
        deadline: t('ruleForm.deadlineInvalid'),
      },
    );
    setErrors(errs);
    if (Object.values(errs).some(Boolean)) return;
    onInsert(buildRule(d), d.position);
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="rule-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('ruleForm.id')}
            description={t('ruleForm.idHint')}
            withAsterisk
            value={d.id}
            onChange={(e) => set('id', e.currentTarget.value)}
            error={errors.id}
            data-testid="rule-form-id"
          />
          <Select
            label={t('ruleForm.position')}
            description=" "
            data={positionOptions}
            value={String(d.position)}
            onChange={(v) => set('position', Number(v ?? 0))}
            allowDeselect={false}
            data-testid="rule-form-position"
          />
        </SimpleGrid>
        <TextInput
          label={t('ruleForm.name')}
          description={t('ruleForm.nameHint')}
          withAsterisk
          value={d.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          data-testid="rule-form-name"
        />
        <Divider label={t('ruleForm.conditions')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('ruleForm.senderLevel')}
            data={SENDER_LEVELS.map((x) => ({ value: x, label: labels.senderLevel(x) }))}
            value={d.senderLevel}
            onChange={(v) => set('senderLevel', v)}
            clearable
            data-testid="rule-form-sender-level"
          />
          <MultiSelect
            label={t('ruleForm.field')}
            data={fieldOptions}
            value={d.field}
            onChange={(v) => set('field', v)}
            searchable
            clearable
            data-testid="rule-form-field"
          />
          <MultiSelect
            label={t('ruleForm.requestKind')}
            data={REQUEST_KINDS.map((x) => ({ value: x, label: labels.requestKind(x) }))}
            value={d.requestKind}
            onChange={(v) => set('requestKind', v)}
            searchable
            clearable
            data-testid="rule-form-request-kind"
          />
          <TagsInput
            label={t('ruleForm.textHas')}
            description={t('ruleForm.textHasHint')}
            value={d.textHas}
            onChange={(v) => set('textHas', v)}
            clearable
            data-testid="rule-form-text-has"
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('ruleForm.hasAdvice')}
          </Text>
          <SegmentedControl
            value={d.hasAdvice}
            onChange={(v) => set('hasAdvice', v as RuleDraft['hasAdvice'])}
            data={[
              { value: 'any', label: t('ruleForm.adviceAny') },
              { value: 'yes', label: t('ruleForm.adviceYes') },
              { value: 'no', label: t('ruleForm.adviceNo') },
            ]}
            w="fit-content"
            data-testid="rule-form-has-advice"
          />
        </Stack>
        <Divider label={t('ruleForm.actionsTitle')} labelPosition="left" />
        {errors.actions && (
          <Alert color="red" role="alert" py={6} data-testid="rule-form-actions-error">
            {errors.actions}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('ruleForm.flow')}
            data={FLOWS.map((f) => ({ value: f, label: labels.flow(f) }))}
            value={d.flow}
            onChange={(v) => set('flow', v)}
            clearable
            data-testid="rule-form-flow"
          />
          <Select
            label={t('ruleForm.leadAgency')}
            data={leadAgencyOptions}
            value={d.leadAgency || null}
            onChange={(v) => set('leadAgency', v ?? '')}
            searchable
            clearable
            data-testid="rule-form-lead-agency"
          />
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <NumberInput
              label={t('ruleForm.deadlineAmount')}
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              value={d.deadlineAmount}
              onChange={(v) => set('deadlineAmount', v === '' ? '' : Number(v))}
              error={errors.deadlineAmount}
              w={120}
              data-testid="rule-form-deadline-amount"
            />
            <Select
              label={t('ruleForm.deadlineUnit')}
              data={[
                { value: 'working_days', label: t('ruleForm.workingDays') },
                { value: 'calendar_days', label: t('ruleForm.calendarDays') },
              ]}
              value={d.deadlineUnit}
              onChange={(v) => set('deadlineUnit', (v ?? 'working_days') as RuleDraft['deadlineUnit'])}
              allowDeselect={false}
              style={{ flex: 1 }}
              data-testid="rule-form-deadline-unit"
            />
          </Group>
          <TextInput
            label={t('ruleForm.flag')}
            description={t('ruleForm.flagHint')}
            value={d.flag}
            onChange={(e) => set('flag', e.currentTarget.value.toUpperCase().replace(/\s+/g, '_'))}
            data-testid="rule-form-flag"
          />
        </SimpleGrid>
        <Checkbox
          label={t('ruleForm.stop')}
          checked={d.stop}
          onChange={(e) => set('stop', e.currentTarget.checked)}
          data-testid="rule-form-stop"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" data-testid="rule-form-insert">
            {t('ruleForm.insert')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
