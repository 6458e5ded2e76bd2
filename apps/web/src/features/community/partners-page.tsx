import {
  missingResultFields,
  PARTNER_KINDS,
  REFERRAL_SERVICES,
  REFERRAL_TRANSITIONS,
  type ReferralService,
  type ReferralStatus,
} from '@hoanhap/domain/community-rules';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../../api/schema.ts';
import { can, useSession } from '../../api/session.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { DateField } from '../../components/date-field.tsx';
import type { Fields } from '../../components/form-fields.ts';
import { CardList, PageTitle, QueryList } from '../../components/record-list.tsx';
import { formatDate } from '../../i18n/format.ts';
import {
  communityApi,
  type Partner,
  type Referral,
  useCommunityWrite,
  usePartners,
  useReferrals,
} from './community-api.ts';
import {
  checker,
  type DialogState,
  type Errors,
  FormModal,
  Section,
  serverFieldErrors,
  todayDmy,
  useCommunityForm,
  usePersonSearch,
} from './community-kit.tsx';
import { VersionedEdit } from './versioned-edit.tsx';

type PartnerForm = {
  kind: string;
  name: string;
  address: string;
  phone: string;
  services: string;
  active: boolean;
};
const PARTNER_SHOWN = ['kind', 'name', 'address', 'phone', 'services'];
const newPartner: PartnerForm = {
  kind: 'employer',
  name: '',
  address: '',
  phone: '',
  services: '',
  active: true,
};

/** The inputs of a partner, the same when adding and when correcting one. */
function PartnerInputs({ form }: { form: Fields<PartnerForm> }) {
  const { t } = useTranslation('community');
  return (
    <>
      <Select
        label={t('partner.kind')}
        data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partner.kindOpt.${k}`) }))}
        {...form.pick('kind', 'other')}
      />
      <TextInput label={t('partner.name')} required {...form.text('name')} />
      <TextInput label={t('partner.address')} {...form.text('address')} />
      <TextInput label={t('common.phone')} type="tel" {...form.text('phone')} />
      <TextInput label={t('partner.services')} {...form.text('services')} />
    </>
  );
}

function AddPartner({ opened, onClose }: DialogState) {
  const { t } = useTranslation('community');
  const form = useCommunityForm(newPartner, communityApi.createPartner, { opened, onClose });
  const modal = form.dialog((f, c) => ({
    kind: f.kind,
    name: c.required('name', f.name),
    address: f.address.trim() || undefined,
    phone: f.phone.trim() || undefined,
    services: f.services.trim() || undefined,
  }));
  return (
    <FormModal title={t('partner.add')} shown={PARTNER_SHOWN} {...modal}>
      <PartnerInputs form={form} />
    </FormModal>
  );
}

function Refer({ opened, onClose }: DialogState) {
  const { t } = useTranslation('community');
  const partners = usePartners();
  const find = usePersonSearch(opened);
  const form = useCommunityForm(
    { personId: null as string | null, partnerId: null as string | null, service: 'job', on: todayDmy() },
    communityApi.refer,
    { opened, onClose },
  );
  const modal = form.dialog((f, c) => {
    if (!f.personId) c.errors.personId = t('common.required');
    return {
      personId: f.personId,
      partnerId: f.partnerId ?? undefined,
      service: f.service,
      referredOn: c.date('referredOn', f.on),
    };
  });
  return (
    <FormModal
      title={t('partner.refer')}
      shown={['personId', 'partnerId', 'service', 'referredOn']}
      {...modal}
    >
      <Select
        label={t('partner.person')}
        required
        placeholder={t('asg.personHint')}
        data={(find.people.data ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
        {...form.value('personId')}
        {...find.selectProps}
      />
      <Select
        label={t('partner.service')}
        data={REFERRAL_SERVICES.map((s) => ({ value: s, label: t(`partner.serviceOpt.${s}`) }))}
        {...form.pick('service', 'other')}
      />
      <Select
        label={t('partner.partner')}
        data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        {...form.value('partnerId')}
        clearable
        searchable
      />
      <DateField label={t('partner.referredOn')} required {...form.value('on', 'referredOn')} />
    </FormModal>
  );
}

const RESULT_FIELDS = [
  'employerName',
  'jobStartDate',
  'loanAmount',
  'loanPurpose',
  'courseName',
  'courseCompletedOn',
] as const;
const DATE_FIELDS = new Set(['jobStartDate', 'courseCompletedOn']);

function MoveReferral({ r, opened, onClose }: DialogState & { r: Referral }) {
  const { t } = useTranslation('community');
  const next = REFERRAL_TRANSITIONS[r.status as ReferralStatus] ?? [];
  const [status, setStatus] = useState<string>(next[0] ?? 'refused');
  const [on, setOn] = useState(todayDmy());
  const [result, setResult] = useState<Record<string, string | number>>({});
  const [errors, setErrors] = useState<Errors>({});
  const write = useCommunityWrite((body: BodyOf<'moveReferral'>) => communityApi.moveReferral(r.id, body));
  const needed = missingResultFields(r.service as ReferralService, status as ReferralStatus, {});
  const submit = () => {
    const c = checker(t);
    const body: Record<string, unknown> = { version: r.version, status, statusOn: c.date('statusOn', on) };
    for (const k of needed) {
      const v = result[k] ?? '';
      if (DATE_FIELDS.has(k)) body[k] = c.date(k, String(v));
      else if (k === 'loanAmount') body[k] = v === '' ? c.required(k, '') && undefined : Number(v);
      else body[k] = c.required(k, String(v));
    }
    setErrors(c.errors);
    // The checker passed: the body is complete (see Draft).
    if (c.ok())
      write.mutate(body as BodyOf<'moveReferral'>, {
        onSuccess: onClose,
        onError: (e) => setErrors(serverFieldErrors(e)),
      });
  };
  return (
    <FormModal
      opened={opened}
      title={`${t('partner.moveTitle')}: ${r.personName}`}
      onClose={onClose}
      onSubmit={submit}
      busy={write.isPending}
      error={write.error}
      shown={['status', 'statusOn', ...RESULT_FIELDS]}
    >
      <Select
        label={t('partner.newStatus')}
        data={next.map((s) => ({ value: s, label: t(`partner.statusOpt.${s}`) }))}
        value={status}
        onChange={(v) => setStatus(v ?? status)}
        allowDeselect={false}
        error={errors.status}
      />
      {status === 'refused' && (
        <Alert color="orange" role="status">
          {t('partner.refuseConfirm')}
        </Alert>
      )}
      <DateField label={t('partner.statusOn')} required value={on} onChange={setOn} error={errors.statusOn} />
      {needed.map((k) =>
        DATE_FIELDS.has(k) ? (
          <DateField
            key={k}
            label={t(`partner.${k}`)}
            required
            value={String(result[k] ?? '')}
            onChange={(v) => setResult((x) => ({ ...x, [k]: v }))}
            error={errors[k]}
          />
        ) : k === 'loanAmount' ? (
          <NumberInput
            key={k}
            label={t('partner.loanAmount')}
            required
            min={1}
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            value={result[k] ?? ''}
            onChange={(v) => setResult((x) => ({ ...x, [k]: v }))}
            error={errors[k]}
          />
        ) : (
          <TextInput
            key={k}
            label={t(`partner.${k}`)}
            required
            value={String(result[k] ?? '')}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setResult((x) => ({ ...x, [k]: v }));
            }}
            error={errors[k]}
          />
        ),
      )}
    </FormModal>
  );
}

function ReferralCard({ r, mayWrite }: { r: Referral; mayWrite: boolean }) {
  const { t } = useTranslation('community');
  const [open, setOpen] = useState(false);
  const res = r.result;
  const result = [
    res.employerName && `${res.employerName}${res.jobStartDate ? ` (${formatDate(res.jobStartDate)})` : ''}`,
    res.loanAmount &&
      `${res.loanAmount.toLocaleString('vi-VN')} đ${res.loanPurpose ? ` · ${res.loanPurpose}` : ''}`,
    res.courseName &&
      `${res.courseName}${res.courseCompletedOn ? ` (${formatDate(res.courseCompletedOn)})` : ''}`,
  ].filter(Boolean);
  const canMove = (REFERRAL_TRANSITIONS[r.status as ReferralStatus] ?? []).length > 0;
  return (
    <Card withBorder padding="sm" component="li" data-testid="referral">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {r.personName} · {t(`partner.serviceOpt.${r.service}`)}
          </Text>
          <Group gap="xs">
            <Badge
              variant="light"
              color={r.status === 'refused' ? 'gray' : r.status === 'completed' ? 'green' : 'blue'}
            >
              {t(`partner.statusOpt.${r.status}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {r.partnerName ?? ''} {formatDate(r.statusOn ?? r.referredOn)}
            </Text>
          </Group>
          {result.length > 0 && (
            <Text size="sm">
              {t('partner.result')}: {result.join('; ')}
            </Text>
          )}
        </Stack>
        {mayWrite && canMove && (
          <Button size="xs" variant="default" onClick={() => setOpen(true)}>
            {t('partner.move')}
          </Button>
        )}
      </Group>
      {open && <MoveReferral r={r} opened={open} onClose={() => setOpen(false)} />}
    </Card>
  );
}

const partnerForm = (p: Partner): PartnerForm => ({
  kind: p.kind,
  name: p.name,
  address: p.address ?? '',
  phone: p.phone ?? '',
  services: p.services ?? '',
  active: p.active,
});

/** Corrects a partner (version-checked); marking it no longer active asks for confirmation first. */
function EditPartner({ p, onClose }: { p: Partner; onClose: () => void }) {
  const { t } = useTranslation('community');
  return (
    <VersionedEdit
      record={p}
      toForm={partnerForm}
      toBody={(f, base, c) => ({
        kind: f.kind,
        name: c.required('name', f.name),
        address: f.address.trim() || null,
        phone: f.phone.trim() || null,
        services: f.services.trim() || null,
        ...(f.active !== base.active ? { active: f.active } : {}),
      })}
      update={(body) => communityApi.updatePartner(p.id, body)}
      title={t('edit.partnerTitle', { name: p.name })}
      shown={PARTNER_SHOWN}
      staleRows={(s) => [
        [t('partner.kind'), t(`partner.kindOpt.${s.kind}`)],
        [t('partner.name'), s.name],
        [t('partner.address'), s.address ?? ''],
        [t('common.phone'), s.phone ?? ''],
        [t('partner.services'), s.services ?? ''],
      ]}
      stop={{
        title: t('edit.partnerStopTitle'),
        message: t('edit.partnerStopConfirm', { name: p.name }),
        label: t('edit.stop'),
      }}
      onClose={onClose}
    >
      {(form) => (
        <>
          <PartnerInputs form={form} />
          <Checkbox label={t('edit.partnerActive')} {...form.check('active')} />
        </>
      )}
    </VersionedEdit>
  );
}

function PartnerCard({ p, mayWrite }: { p: Partner; mayWrite: boolean }) {
  const { t } = useTranslation('community');
  const [editing, setEditing] = useState(false);
  return (
    <Card withBorder padding="sm" component="li" data-testid="partner">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {p.name}
        </Text>
        {!p.active && (
          <Badge color="gray" variant="light">
            {t('common.inactive')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t(`partner.kindOpt.${p.kind}`)}
        {p.phone ? ` · ${p.phone}` : ''}
        {p.address ? ` · ${p.address}` : ''}
      </Text>
      {p.services && <Text size="sm">{p.services}</Text>}
      {mayWrite && (
        <Group mt={4}>
          <Button size="compact-sm" variant="default" onClick={() => setEditing(true)}>
            {t('edit.edit')}
          </Button>
        </Group>
      )}
      {editing && <EditPartner p={p} onClose={() => setEditing(false)} />}
    </Card>
  );
}

export function PartnersPage() {
  const { t } = useTranslation('community');
  usePageTitle(t('partner.title'));
  const me = useSession();
  const partners = usePartners();
  const referrals = useReferrals();
  const [dialog, setDialog] = useState<'partner' | 'refer' | null>(null);
  const mayPartners = can(me, 'community.partners');
  const mayRefer = can(me, 'community.write');
  return (
    <Stack>
      <PageTitle title={t('partner.title')} />
      <Section
        title={t('partner.referrals')}
        action={mayRefer && <Button onClick={() => setDialog('refer')}>{t('partner.refer')}</Button>}
      >
        <QueryList q={referrals} empty={t('partner.referralsEmpty')}>
          {(items) => (
            <CardList>
              {items.map((r) => (
                <ReferralCard key={r.id} r={r} mayWrite={mayRefer} />
              ))}
            </CardList>
          )}
        </QueryList>
      </Section>
      <Section
        title={t('partner.partners')}
        action={mayPartners && <Button onClick={() => setDialog('partner')}>{t('partner.add')}</Button>}
      >
        <QueryList q={partners} empty={t('partner.empty')}>
          {(items) => (
            <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {items.map((p) => (
                <PartnerCard key={p.id} p={p} mayWrite={mayPartners} />
              ))}
            </SimpleGrid>
          )}
        </QueryList>
      </Section>
      {mayPartners && <AddPartner opened={dialog === 'partner'} onClose={() => setDialog(null)} />}
      {mayRefer && <Refer opened={dialog === 'refer'} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
