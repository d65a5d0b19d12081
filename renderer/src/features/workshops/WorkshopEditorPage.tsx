import { Alert, Button, Grid, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Switch, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { PageTitle } from '../../app/PageTitle';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { CURRENCIES, CURRENCY_CODES, type Currency } from '../../../../shared/money';
import { createWorkshopInput, STATUS_LABELS, type Category, type WorkshopDetail } from '../../../../shared/workshops';
import { BackLink } from '../../app/BackLink';
import { useNav } from '../../app/navigation';
import type { Result } from '../../../../shared/errors';
import { handleResult, notifySuccess } from '../../lib/notify';
import { queryClient, unwrap } from '../../lib/query';
import { taxonomyApi, workshopsApi } from './workshops.api';
import { DateTimeField } from '../../app/DateFields';
import { useFormat } from '../../app/format';
import { PageLoading } from '../../app/PageLoading';
import { BusyButton } from '../../app/BusyButton';

interface Values {
  title: string;
  summary: string;
  description: string;
  categoryId: string;
  tags: string[];
  city: string;
  venue: string;
  address: string;
  instructor: string;
  startsLocal: string;
  endsLocal: string;
  timeZone: string;
  capacity: number | string;
  price: number | string;
  currency: Currency;
  registrationMode: 'automatic' | 'manual';
  waitlistEnabled: boolean;
}

const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
// supportedValuesOf leaves out aliases such as "UTC": keep the computer's own zone selectable whatever it is.
const ZONES = [...new Set([localZone, 'UTC', ...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [])])].sort();

const EMPTY: Values = {
  title: '', summary: '', description: '', categoryId: '', tags: [], city: '', venue: '', address: '', instructor: '',
  startsLocal: '', endsLocal: '', timeZone: localZone, capacity: 12, price: 0, currency: 'EUR', registrationMode: 'automatic', waitlistEnabled: true,
};

const toMinor = (price: number | string, currency: Currency) => (typeof price === 'number' ? Math.round(price * 10 ** CURRENCIES[currency]) : NaN);

function toInput(v: Values) {
  const { price, capacity, ...rest } = v;
  return { ...rest, capacity: typeof capacity === 'number' ? capacity : NaN, priceMinor: toMinor(price, v.currency) };
}

const fromDetail = (w: WorkshopDetail): Values => ({
  title: w.title, summary: w.summary, description: w.description, categoryId: w.categoryId, tags: w.tags, city: w.city, venue: w.venue, address: w.address, instructor: w.instructor,
  startsLocal: w.startsLocal, endsLocal: w.endsLocal, timeZone: w.timeZone, capacity: w.capacity, price: w.priceMinor / 10 ** CURRENCIES[w.currency], currency: w.currency,
  registrationMode: w.registrationMode, waitlistEnabled: w.waitlistEnabled,
});

/** Field names of the shared schema → this form's field names. */
const FIELD = (k: string) => (k === 'priceMinor' ? 'price' : k);

export function WorkshopEditorPage() {
  const { workshopId, go } = useNav();
  const [w, setW] = useState<WorkshopDetail | null>(null);
  const categories: Category[] = useQuery({ queryKey: ['categories'], queryFn: () => unwrap(taxonomyApi.categories()) }).data ?? [];
  const tagOptions: string[] = (useQuery({ queryKey: ['tags'], queryFn: () => unwrap(taxonomyApi.tags()) }).data ?? []).map((t) => t.name);
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmLatePublish, setConfirmLatePublish] = useState(false);
  const format = useFormat();

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: (values) => {
      const r = createWorkshopInput.safeParse(toInput(values));
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [FIELD(String(i.path[0])), i.message]));
    },
  });

  // The form is filled once per workshop, read fresh through the query client: a live update must
  // never overwrite what the admin is typing, so this is not a subscribed query.
  useEffect(() => {
    if (!workshopId) return;
    void queryClient
      .fetchQuery({ queryKey: ['workshopEditor', workshopId], queryFn: () => workshopsApi.get(workshopId), staleTime: 0 })
      .then((r) => {
        const d = handleResult(r);
        if (d) {
          setW(d);
          form.setValues(fromDetail(d));
          form.resetDirty(fromDetail(d));
        }
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workshopId]);
  // Saved here: every list and page showing workshops reads them again.
  const changed = (d: WorkshopDetail) => {
    void queryClient.invalidateQueries({ queryKey: ['workshops'] });
    void queryClient.invalidateQueries({ queryKey: ['workshop', d.id] });
  };

  const readOnly = w !== null && (w.status === 'cancelled' || w.status === 'archived');
  const zoneData = useMemo(() => ZONES.map((z) => ({ value: z, label: z.replace(/_/g, ' ') })), []);

  const applyErrors = <T,>(result: Result<T>): T | null => {
    if (!result.ok && result.error.fieldErrors) {
      form.setErrors(Object.fromEntries(Object.entries(result.error.fieldErrors).map(([k, v]) => [FIELD(k), v.join(' ')])));
    }
    return handleResult(result, form);
  };

  const save = form.onSubmit(async (values) => {
    setBusy(true);
    const input = toInput(values);
    const saved = applyErrors(w ? await workshopsApi.update({ ...input, id: w.id, expectedVersion: w.version }) : await workshopsApi.create(input));
    setBusy(false);
    if (saved) {
      changed(saved);
      notifySuccess(w ? 'Changes saved.' : 'Draft created. Publish it when it is ready.');
      setW(saved);
      form.resetDirty();
      if (!w) go('workshopEditor', { workshopId: saved.id });
    }
  });

  const act = async (promise: ReturnType<typeof workshopsApi.publish>, message: string) => {
    setBusy(true);
    const r = handleResult(await promise);
    setBusy(false);
    if (r) {
      changed(r);
      notifySuccess(message);
      setW(r);
      form.setValues(fromDetail(r));
      form.resetDirty(fromDetail(r));
      return r;
    }
    return null;
  };

  if (workshopId && !w) return <PageLoading label="Loading workshop" />;

  const publish = () => w && act(workshopsApi.publish(w.id), 'Published: attendees can now find it.');
  // A draft whose saved dates are past: the main process refuses to publish one that has ended; one
  // that has started can be published, but nobody can register for it any more.
  const now = Date.now();
  const ended = w?.status === 'draft' && new Date(w.endsAt).getTime() <= now;
  const started = w?.status === 'draft' && !ended && new Date(w.startsAt).getTime() <= now;
  const when = w ? format.workshopTime(w.startsAt, null, w.timeZone) : '';

  return (
    <Stack maw={960}>
      <BackLink label="Back to workshop management" onClick={() => go('workshops')} />
      <Group justify="space-between">
        <PageTitle>{w ? w.title : 'New workshop'}</PageTitle>
        {w && <Text c="dimmed">Status: {STATUS_LABELS[w.status]}</Text>}
      </Group>
      {w && (
        <Group>
          {w.status === 'draft' && (
            <BusyButton onClick={() => (started ? setConfirmLatePublish(true) : publish())} busy={busy} disabled={form.isDirty() || ended}>
              Publish
            </BusyButton>
          )}
          {w.status === 'published' && (
            <BusyButton variant="default" onClick={() => act(workshopsApi.unpublish(w.id), 'Back to draft: attendees no longer see it.')} busy={busy}>
              Unpublish
            </BusyButton>
          )}
          <Button variant="default" onClick={async () => { const r = handleResult(await workshopsApi.duplicate(w.id)); if (r) { notifySuccess('Copy created as a draft. Set its dates.'); go('workshopEditor', { workshopId: r.id }); } }}>
            Duplicate
          </Button>
          <Button variant="default" onClick={() => go('workshopRegistrations', { workshopId: w.id })}>
            Registrations
          </Button>
          <Button variant="default" onClick={() => go('workshop', { workshopId: w.id })}>
            View as attendees see it
          </Button>
          {(w.status === 'draft' || w.status === 'published') && (
            <Button color="red" variant="light" onClick={() => setCancelling(true)}>
              Cancel workshop…
            </Button>
          )}
          {w.status !== 'archived' && (
            <Button variant="subtle" color="gray" onClick={() => act(workshopsApi.archive(w.id), 'Archived.')}>
              Archive
            </Button>
          )}
          {!w.hasRegistrations && (
            <Button variant="subtle" color="red" onClick={() => setConfirmDelete(true)}>
              Delete
            </Button>
          )}
        </Group>
      )}
      {form.isDirty() && w?.status === 'draft' && <Text size="sm" c="dimmed">Save your changes before publishing.</Text>}
      {ended && (
        <Alert color="red" title="This workshop has already ended">
          It ended before now, so it cannot be published. Change its dates and save to publish it.
        </Alert>
      )}
      {started && (
        <Alert color="yellow" title="This workshop has already started">
          It started on {when}. Published now, attendees can see it but nobody can register any more: registration closes at the start.
        </Alert>
      )}
      {readOnly && <Alert color="gray">A {w?.status} workshop cannot be edited.</Alert>}
      <form onSubmit={save} noValidate>
        <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
          <Grid>
            <Grid.Col span={12}>
              <TextInput label="Title" withAsterisk {...form.getInputProps('title')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput label="Short summary" description="One line shown in search results" {...form.getInputProps('summary')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea label="Description" autosize minRows={4} maxRows={12} {...form.getInputProps('description')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select label="Category" withAsterisk placeholder="Choose" data={categories.map((c) => ({ value: c.id, label: c.name }))} searchable {...form.getInputProps('categoryId')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TagsInput label="Tags" data={tagOptions} clearable {...form.getInputProps('tags')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label="City" withAsterisk {...form.getInputProps('city')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label="Venue" withAsterisk {...form.getInputProps('venue')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label="Address" {...form.getInputProps('address')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Instructor" {...form.getInputProps('instructor')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select label="Time zone" description="Times are entered and shown in this zone" withAsterisk data={zoneData} searchable limit={50} {...form.getInputProps('timeZone')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <DateTimeField label="Starts" description={`In ${form.values.timeZone.replace(/_/g, ' ')}`} placeholder="Pick a date and time" withAsterisk {...form.getInputProps('startsLocal')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <DateTimeField label="Ends" description={`In ${form.values.timeZone.replace(/_/g, ' ')}`} placeholder="Pick a date and time" withAsterisk {...form.getInputProps('endsLocal')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput label="Seats" withAsterisk min={1} allowDecimal={false} {...form.getInputProps('capacity')} description={w ? `${w.seatsTaken} confirmed` : undefined} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput label="Price" description="0 for a free workshop" min={0} decimalScale={CURRENCIES[form.values.currency]} {...form.getInputProps('price')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select label="Currency" data={CURRENCY_CODES} searchable allowDeselect={false} {...form.getInputProps('currency')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Text size="sm" fw={500} mb={4}>
                Registration
              </Text>
              <SegmentedControl
                aria-label="Registration mode"
                data={[
                  { value: 'automatic', label: 'Instant confirmation' },
                  { value: 'manual', label: 'Needs approval' },
                ]}
                {...form.getInputProps('registrationMode')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Switch mt="lg" label="Waiting list when full" {...form.getInputProps('waitlistEnabled', { type: 'checkbox' })} />
            </Grid.Col>
          </Grid>
          <Group mt="lg">
            <BusyButton type="submit" busy={busy} disabled={readOnly}>
              {w ? 'Save changes' : 'Create draft'}
            </BusyButton>
          </Group>
        </fieldset>
      </form>
      <Modal opened={cancelling} onClose={() => setCancelling(false)} title="Cancel this workshop">
        <Stack>
          <Text size="sm">Every registration is cancelled with this reason; paid ones are marked for refund. This cannot be undone.</Text>
          <Textarea label="Reason (attendees see it)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(false)}>
              Keep it
            </Button>
            <Button
              color="red"
              onClick={async () => {
                if (w && (await act(workshopsApi.cancel(w.id, reason), 'Workshop cancelled.'))) setCancelling(false);
              }}
            >
              Cancel workshop
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={confirmLatePublish} onClose={() => setConfirmLatePublish(false)} title="Publish a workshop that has started?">
        <Stack>
          <Text size="sm">It started on {when}: attendees will see it, but nobody can register for it any more.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmLatePublish(false)}>
              Keep it as a draft
            </Button>
            <BusyButton
              busy={busy}
              onClick={async () => {
                await publish();
                setConfirmLatePublish(false);
              }}
            >
              Publish anyway
            </BusyButton>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title="Delete this workshop?">
        <Stack>
          <Text size="sm">Nobody has registered, so it can be deleted for good.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDelete(false)}>
              Keep it
            </Button>
            <Button
              color="red"
              onClick={async () => {
                if (!w) return;
                const r = await workshopsApi.remove(w.id);
                if (!r.ok) return void handleResult(r);
                notifySuccess('Workshop deleted.');
                go('workshops');
              }}
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
