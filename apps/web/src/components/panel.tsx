import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A section of a page, named by its heading (aria-labelledby `id`), with an optional action (a button) on the
 * heading's line.
 */
export function Panel({
  id,
  title,
  action,
  p = 'md',
  gap = 'sm',
  testId,
  children,
}: {
  id: string;
  title: ReactNode;
  action?: ReactNode;
  p?: string;
  /** The space under the heading. */
  gap?: string;
  testId?: string;
  children: ReactNode;
}) {
  const heading = (
    <Title order={2} size="h4" id={id} mb={action ? undefined : gap}>
      {title}
    </Title>
  );
  return (
    <Paper withBorder p={p} component="section" aria-labelledby={id} data-testid={testId}>
      {action ? (
        <Group justify="space-between" mb={gap}>
          {heading}
          {action}
        </Group>
      ) : (
        heading
      )}
      {children}
    </Paper>
  );
}
