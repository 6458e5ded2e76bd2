import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of the person's page or form (basic data, addresses, family, the record). */
export function PersonSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
