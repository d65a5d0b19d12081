import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { BulkResult, QueueWorkshopSummary } from '../../../../shared/registrations';
import { BusyButton } from '../../app/BusyButton';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * In an approval report: the requests that found no seat stay pending and would come back as "full"
 * at every approval, so the report asks what to do with them: reject them with a reason, or put them
 * on a waiting list (opening one where their workshop has none, which the button says).
 */
export function FullRequestsOffer({
  result,
  workshops,
  busy,
  onReject,
  onWaitlist,
}: {
  result: BulkResult;
  workshops: QueueWorkshopSummary[];
  busy: boolean;
  onReject: (ids: string[]) => void;
  onWaitlist: (ids: string[], openWaitlist: boolean) => void;
}) {
  const full = result.items.filter((i) => i.outcome === 'full');
  const hasList = (workshopId: string) => workshops.find((w) => w.workshopId === workshopId)?.waitlistEnabled ?? false;
  const withList = full.filter((i) => hasList(i.workshopId));
  const without = full.filter((i) => !hasList(i.workshopId));
  const titlesWithout = [...new Set(without.map((i) => i.workshopTitle))];
  return (
    <Alert color="orange" title={`${plural(full.length, 'request')} found no free seat`}>
      <Stack gap="sm">
        <Text size="sm">They stay in the queue, and would be "full" again at the next approval, until you decide what happens to them.</Text>
        <Group gap="sm">
          <Button variant="default" onClick={() => onReject(full.map((i) => i.id))}>
            Reject {full.length === 1 ? 'it' : `these ${full.length}`} with a reason…
          </Button>
          {withList.length > 0 && (
            <BusyButton variant="default" busy={busy} onClick={() => onWaitlist(withList.map((i) => i.id), false)}>
              Move {plural(withList.length, 'request')} to the waiting list
            </BusyButton>
          )}
          {without.length > 0 && (
            <BusyButton variant="default" busy={busy} onClick={() => onWaitlist(without.map((i) => i.id), true)}>
              Open a waiting list for {titlesWithout.join(', ')} and move {without.length === 1 ? 'it' : `these ${without.length}`} there
            </BusyButton>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}
