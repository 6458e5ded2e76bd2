import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field.tsx';
import { type AddressValue, CommunePicker } from '../org/commune-picker.tsx';
import {
  type FamilyRow,
  type FieldErrors,
  newFamilyRow,
  type PersonFormValues,
} from './person-form-values.ts';
import { PersonSection } from './person-section.tsx';

type Props = {
  values: PersonFormValues;
  onChange: (patch: Partial<PersonFormValues>) => void;
  errors: FieldErrors;
};

/** The inputs of a person record; errors are shown next to the field they concern. */
export function PersonFields({ values: v, onChange, errors }: Props) {
  const { t } = useTranslation();
  const setText =
    (k: 'fullName' | 'citizenId' | 'ethnicity' | 'phone' | 'occupation') =>
    (e: React.ChangeEvent<HTMLInputElement>) =>
      onChange({ [k]: e.currentTarget.value });
  const setRow = (i: number, patch: Partial<FamilyRow>) =>
    onChange({ familyContacts: v.familyContacts.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  return (
    <Stack>
      <PersonSection title={t('person.sectionBasic')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('person.fullName')}
            value={v.fullName}
            onChange={setText('fullName')}
            error={errors.fullName}
            required
            autoComplete="off"
          />
          <TagsInput
            label={t('person.otherNames')}
            description={t('person.otherNamesHint')}
            value={v.otherNames}
            onChange={(otherNames) => onChange({ otherNames })}
            error={errors.otherNames}
            acceptValueOnBlur
          />
          <Radio.Group
            label={t('person.sex')}
            value={v.sex}
            onChange={(sex) => onChange({ sex: sex as PersonFormValues['sex'] })}
            error={errors.sex}
            required
          >
            <Group mt="xs">
              <Radio value="male" label={t('person.male')} />
              <Radio value="female" label={t('person.female')} />
            </Group>
          </Radio.Group>
          <SimpleGrid cols={2}>
            <DateField
              label={t('person.birthDate')}
              value={v.birthDate}
              onChange={(birthDate) => onChange({ birthDate })}
              error={errors.birthDate}
            />
            <NumberInput
              label={t('person.birthYear')}
              description={t('person.birthYearHint')}
              value={v.birthYear}
              onChange={(y) => onChange({ birthYear: typeof y === 'number' ? y : '' })}
              error={errors.birthYear}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              maxLength={4}
            />
          </SimpleGrid>
          <TextInput
            label={t('person.citizenId')}
            value={v.citizenId}
            onChange={setText('citizenId')}
            error={errors.citizenId}
            inputMode="numeric"
            maxLength={12}
            autoComplete="off"
          />
          <TextInput
            label={t('person.phone')}
            value={v.phone}
            onChange={setText('phone')}
            error={errors.phone}
            type="tel"
            autoComplete="off"
          />
          <TextInput
            label={t('person.ethnicity')}
            value={v.ethnicity}
            onChange={setText('ethnicity')}
            error={errors.ethnicity}
          />
          <TextInput
            label={t('person.occupation')}
            value={v.occupation}
            onChange={setText('occupation')}
            error={errors.occupation}
          />
        </SimpleGrid>
      </PersonSection>

      <PersonSection title={t('person.sectionAddress')}>
        <Stack>
          <CommunePicker
            legend={t('person.currentAddress')}
            value={v.currentAddress}
            onChange={(currentAddress: AddressValue) => onChange({ currentAddress })}
            communeError={errors['currentAddress.communeCode']}
            detailError={errors['currentAddress.detail']}
            required
            withDetail
            testId="current-address"
          />
          <CommunePicker
            legend={t('person.permanentAddress')}
            description={t('person.permanentOptional')}
            value={v.permanentAddress}
            onChange={(permanentAddress: AddressValue) => onChange({ permanentAddress })}
            communeError={errors['permanentAddress.communeCode']}
            detailError={errors['permanentAddress.detail']}
            withDetail
            clearable
            testId="permanent-address"
          />
        </Stack>
      </PersonSection>

      <PersonSection title={t('person.sectionFamily')}>
        <Stack>
          {v.familyContacts.length === 0 && <Text size="sm">{t('person.family.none')}</Text>}
          {v.familyContacts.map((r, i) => (
            <Fieldset key={r.key} legend={t('person.family.row', { n: i + 1 })}>
              <Group align="flex-start" wrap="nowrap">
                <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ flex: 1 }}>
                  <TextInput
                    label={t('person.family.name')}
                    value={r.name}
                    onChange={(e) => setRow(i, { name: e.currentTarget.value })}
                    error={errors[`familyContacts.${i}.name`]}
                  />
                  <TextInput
                    label={t('person.family.relation')}
                    value={r.relation}
                    onChange={(e) => setRow(i, { relation: e.currentTarget.value })}
                    error={errors[`familyContacts.${i}.relation`]}
                  />
                  <TextInput
                    label={t('person.family.phone')}
                    value={r.phone}
                    type="tel"
                    onChange={(e) => setRow(i, { phone: e.currentTarget.value })}
                    error={errors[`familyContacts.${i}.phone`]}
                  />
                </SimpleGrid>
                <ActionIcon
                  variant="default"
                  mt={26}
                  size="lg"
                  aria-label={t('person.family.remove', { n: i + 1 })}
                  onClick={() => onChange({ familyContacts: v.familyContacts.filter((_, j) => j !== i) })}
                >
                  ✕
                </ActionIcon>
              </Group>
            </Fieldset>
          ))}
          {v.familyContacts.length < 10 && (
            <Button
              variant="default"
              onClick={() => onChange({ familyContacts: [...v.familyContacts, newFamilyRow()] })}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('person.family.add')}
            </Button>
          )}
        </Stack>
      </PersonSection>
    </Stack>
  );
}
