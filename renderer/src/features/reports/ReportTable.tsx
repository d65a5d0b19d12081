import { Table, UnstyledButton, Text, ScrollArea } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';

export interface ReportColumn<R> {
  key: string;
  title: string;
  /** What the cell shows. */
  render: (row: R) => ReactNode;
  /** What the column sorts by; omit for an unsortable column. */
  sortBy?: (row: R) => number | string;
  numeric?: boolean;
}

/**
 * The numbers behind a chart, as a table (a chart alone says nothing to a screen reader or to
 * someone who cannot tell its colours apart). Headers with `sortBy` sort on click.
 */
export function ReportTable<R>({ caption, columns, rows, rowKey, empty = 'Nothing in this range.' }: { caption: string; columns: ReportColumn<R>[]; rows: R[]; rowKey: (row: R) => string; empty?: string }) {
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 } | null>(null);
  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.key === sort.key);
    if (!col?.sortBy) return rows;
    const by = col.sortBy;
    return [...rows].sort((a, b) => {
      const x = by(a);
      const y = by(b);
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * sort!.dir;
    });
  }, [rows, columns, sort]);
  if (!rows.length) return <ReportEmpty>{empty}</ReportEmpty>;
  return (
    <ScrollArea.Autosize mah={420} type="auto">
      <Table striped withTableBorder stickyHeader captionSide="top" fz="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} ta={c.numeric ? 'right' : undefined} aria-sort={sort?.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}>
                {c.sortBy ? (
                  <UnstyledButton fw={700} fz="sm" onClick={() => setSort((s) => ({ key: c.key, dir: s?.key === c.key && s.dir === 1 ? -1 : 1 }))}>
                    {c.title}
                    {sort?.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                  </UnstyledButton>
                ) : (
                  c.title
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((r) => (
            <Table.Tr key={rowKey(r)}>
              {columns.map((c) => (
                <Table.Td key={c.key} ta={c.numeric ? 'right' : undefined} style={c.numeric ? { fontVariantNumeric: 'tabular-nums' } : undefined}>
                  {c.render(r)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** What a report shows in place of a table that has no rows. */
export function ReportEmpty({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" size="sm">
      {children}
    </Text>
  );
}
