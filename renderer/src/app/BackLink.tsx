import { Anchor } from '@mantine/core';

export function BackLink({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Anchor component="button" type="button" onClick={onClick} style={{ alignSelf: 'flex-start' }}>
      ← {label}
    </Anchor>
  );
}
