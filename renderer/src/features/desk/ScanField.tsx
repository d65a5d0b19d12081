import { Badge, Group, Paper, Stack, Switch, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { DeskMatch } from '../../../../shared/desk';
import { statusInWords } from '../../../../shared/registrations';
import { formatTicketCode } from '../../../../shared/tickets';
import { unwrap } from '../../lib/query';
import { deskApi, deskKeys } from './desk.api';
import { useDeskActions } from './desk-actions';
import { useDeskPrefs } from './desk-prefs.store';
import { focusScanField, registerScanField } from './desk.store';
import { classifyInput, moveHighlight, searchTerm } from './scan-input';

export const SCAN_LABEL = 'Scan a ticket, or type a name, email or phone';
const SEARCH_DEBOUNCE_MS = 250;

/**
 * The desk's one field. A scanner types a code and Enter: a scan. A person types a name: matches
 * appear below (↑/↓, Enter); a single match is checked in with Enter. The field is emptied the moment
 * a scan is taken, so the next one can follow at once, whatever the answer to this one.
 */
export function ScanField() {
  const [value, setValue] = useState('');
  const [highlight, setHighlight] = useState(-1);
  const [hint, setHint] = useState<string | null>(null);
  const { checkIn, typo, scan } = useDeskActions();
  const { searchAll, workshopId, set } = useDeskPrefs();
  const scope = searchAll ? 'all' : 'today';
  const queryClient = useQueryClient();
  const [debounced] = useDebouncedValue(value, SEARCH_DEBOUNCE_MS);
  const term = searchTerm(debounced);
  const liveTerm = searchTerm(value);
  const searchFor = (q: string) => ({ queryKey: deskKeys.search(q, scope, searchAll ? null : workshopId), queryFn: () => unwrap(deskApi.search({ q, scope, workshopId: searchAll ? undefined : (workshopId ?? undefined) })) });
  const search = useQuery({ ...searchFor(term ?? ''), enabled: term !== null && liveTerm !== null, placeholderData: keepPreviousData });
  const matches: DeskMatch[] = useMemo(() => (liveTerm && search.data ? search.data.items : []), [liveTerm, search.data]);

  useEffect(() => setHighlight(-1), [search.data]);

  const pick = (m: DeskMatch) => {
    setValue('');
    setHint(null);
    void checkIn({ registrationId: m.person.registrationId });
  };

  const onKeyDown = async (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setHighlight((h) => moveHighlight(h, e.key as 'ArrowUp' | 'ArrowDown', matches.length));
      return;
    }
    if (e.key === 'Escape' && value) {
      e.preventDefault();
      e.stopPropagation();
      setValue('');
      setHint(null);
      return;
    }
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const input = classifyInput(value);
    if (input.kind === 'empty') return;
    if (input.kind === 'code' || input.kind === 'typo') {
      setValue('');
      setHint(null);
      if (input.kind === 'typo') return typo(input.code);
      return scan(input.code);
    }
    const chosen = matches[highlight];
    if (chosen) return pick(chosen);
    // Enter before the list came: ask now, and check in only an exact single match.
    const found = await queryClient.fetchQuery(searchFor(input.q)).catch(() => null);
    // A near spelling is a guess: staff pick it, Enter alone does not check it in.
    if (found?.items.length === 1 && !found.nearOnly) return pick(found.items[0]!);
    setHint(
      !found ? 'The search did not answer. Try again.'
      : found.items.length === 0 ? 'No one found. Check the spelling, or search all workshops.'
      : found.nearOnly ? 'No exact match. Did you mean one of these? Pick with ↑ and ↓, then Enter.'
      : `${found.items.length} matches: pick one with ↑ and ↓, then Enter.`,
    );
  };

  const listId = 'desk-matches';
  const optionId = (i: number) => `desk-match-${i}`;
  return (
    <Stack gap="xs">
      <TextInput
        ref={registerScanField}
        label={SCAN_LABEL}
        size="xl"
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setValue(e.currentTarget.value);
          setHint(null);
        }}
        onKeyDown={(e) => void onKeyDown(e)}
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={highlight >= 0 ? optionId(highlight) : undefined}
        description={hint ?? 'Enter checks in. A scanner in keyboard mode works as it is.'}
        data-testid="scan-field"
      />
      <Switch
        label="Search all workshops, not only today's"
        checked={searchAll}
        onChange={(e) => {
          set({ searchAll: e.currentTarget.checked });
          focusScanField();
        }}
      />
      <Paper withBorder p={0} style={matches.length === 0 ? { display: 'none' } : undefined}>
        {search.data?.nearOnly && (
          <Text size="sm" px="md" pt="xs" fw={600}>
            No exact match — near spellings:
          </Text>
        )}
        <Stack gap={0} role="listbox" id={listId} aria-label="Matches">
          {matches.map((m, i) => (
            <UnstyledButton
              key={m.person.registrationId}
              id={optionId(i)}
              role="option"
              aria-selected={i === highlight}
              tabIndex={-1}
              // Keeps the focus in the field: the next scan still lands there.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(m)}
              px="md"
              py="xs"
              style={{ background: i === highlight ? 'var(--mantine-color-indigo-1)' : undefined }}
            >
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={0}>
                  <Text fw={600}>{m.person.name}</Text>
                  <Text size="sm" c="dimmed">
                    {[m.person.email, m.person.phone, m.person.ticketCode && formatTicketCode(m.person.ticketCode)].filter(Boolean).join(' · ')}
                  </Text>
                </Stack>
                <Stack gap={0} align="flex-end">
                  <Text size="sm">{m.workshop.title}</Text>
                  <Group gap={4}>
                    {m.checkIn ? <Badge color="orange" variant="light">Checked in</Badge> : <Badge color="gray" variant="light">{statusInWords(m.person)}</Badge>}
                    {!m.today && <Badge color="gray" variant="outline">Not today</Badge>}
                  </Group>
                </Stack>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
