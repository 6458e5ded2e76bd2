import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (text: string) => void };

/** A date typed as dd/mm/yyyy (the form converts it to YYYY-MM-DD for the API). */
export function DateField({ value, onChange, description, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <TextInput
      {...rest}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      placeholder="dd/mm/yyyy"
      description={description ?? t('common.dateFormatHint')}
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
    />
  );
}
