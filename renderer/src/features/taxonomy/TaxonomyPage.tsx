import { ActionIcon, Alert, Button, Group, Menu, Modal, MultiSelect, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { PageTitle } from '../../app/PageTitle';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Category, Tag } from '../../../../shared/workshops';
import { handleResult, notifySuccess } from '../../lib/notify';
import { queryClient, unwrap } from '../../lib/query';
import { taxonomyApi } from '../workshops/workshops.api';

type Dialog =
  | { kind: 'renameCategory'; item: Category }
  | { kind: 'deleteCategory'; item: Category }
  | { kind: 'renameTag'; item: Tag }
  | { kind: 'mergeTags'; item: Tag }
  | null;

/** Admins keep the category list and the tag vocabulary tidy; workshops follow every change. */
export function TaxonomyPage() {
  const categoryList = useQuery({ queryKey: ['categories'], queryFn: () => unwrap(taxonomyApi.categories()) });
  const tagList = useQuery({ queryKey: ['tags'], queryFn: () => unwrap(taxonomyApi.tags()) });
  const categories: Category[] = categoryList.data ?? [];
  const tags: Tag[] = tagList.data ?? [];
  const failed = categoryList.error ?? tagList.error;
  const [newCategory, setNewCategory] = useState('');
  const [newCategoryError, setNewCategoryError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<string | null>(null);
  const [sources, setSources] = useState<string[]>([]);

  // A renamed category or merged tag shows in every list that names it: all of them read again.
  const load = () => queryClient.invalidateQueries();

  const done = async (r: { ok: boolean }, message: string) => {
    if (!r.ok) return void handleResult(r as never);
    notifySuccess(message);
    setDialog(null);
    await load();
  };

  const open = (d: Exclude<Dialog, null>) => {
    setDialog(d);
    setText(d.kind.startsWith('rename') ? d.item.name : '');
    setChoice(null);
    setSources([]);
  };

  return (
    <Stack>
      <PageTitle>Categories & tags</PageTitle>
      {failed && <Alert color="red" title="The categories and tags could not be shown">{failed.message}</Alert>}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Categories
          </Title>
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              const r = await taxonomyApi.createCategory(newCategory);
              if (!r.ok) {
                setNewCategoryError(r.error.fieldErrors?.name?.join(' ') ?? r.error.message);
                return;
              }
              setNewCategory('');
              setNewCategoryError(null);
              await load();
            }}
          >
            <Group align="flex-start">
              <TextInput aria-label="New category name" placeholder="New category" value={newCategory} onChange={(e) => setNewCategory(e.currentTarget.value)} error={newCategoryError} style={{ flex: 1 }} />
              <Button type="submit">Add</Button>
            </Group>
          </form>
          <Table mt="sm" striped>
            <Table.Tbody>
              {categories.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td c="dimmed">{c.workshopCount} workshops</Table.Td>
                  <Table.Td ta="right">
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <ActionIcon variant="subtle" aria-label={`Actions for category ${c.name}`}>⋯</ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => open({ kind: 'renameCategory', item: c })}>Rename…</Menu.Item>
                        <Menu.Item color="red" onClick={() => open({ kind: 'deleteCategory', item: c })}>Delete…</Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Tags
          </Title>
          <Text size="sm" c="dimmed">
            Tags are created when a workshop uses them. Merge spelling variants so that search finds them together.
          </Text>
          <Table mt="sm" striped>
            <Table.Tbody>
              {tags.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.name}</Table.Td>
                  <Table.Td c="dimmed">{t.workshopCount} workshops</Table.Td>
                  <Table.Td ta="right">
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <ActionIcon variant="subtle" aria-label={`Actions for tag ${t.name}`}>⋯</ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => open({ kind: 'renameTag', item: t })}>Rename…</Menu.Item>
                        <Menu.Item onClick={() => open({ kind: 'mergeTags', item: t })}>Merge other tags into this one…</Menu.Item>
                        <Menu.Item color="red" onClick={async () => done(await taxonomyApi.deleteTag(t.id), `Tag "${t.name}" removed from all workshops.`)}>
                          Delete
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </SimpleGrid>
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog ? { renameCategory: 'Rename category', deleteCategory: 'Delete category', renameTag: 'Rename tag', mergeTags: 'Merge tags' }[dialog.kind] : ''}>
        {dialog && (
          <Stack>
            {(dialog.kind === 'renameCategory' || dialog.kind === 'renameTag') && <TextInput label="New name" value={text} onChange={(e) => setText(e.currentTarget.value)} data-autofocus />}
            {dialog.kind === 'deleteCategory' && (
              <>
                <Text size="sm">
                  {dialog.item.workshopCount === 0 ? `No workshop uses "${dialog.item.name}".` : `${dialog.item.workshopCount} workshops use "${dialog.item.name}". Choose where they move.`}
                </Text>
                {dialog.item.workshopCount > 0 && <Select label="Move its workshops to" data={categories.filter((c) => c.id !== dialog.item.id).map((c) => ({ value: c.id, label: c.name }))} value={choice} onChange={setChoice} />}
              </>
            )}
            {dialog.kind === 'mergeTags' && (
              <MultiSelect label={`Tags to merge into "${dialog.item.name}"`} data={tags.filter((t) => t.id !== dialog.item.id).map((t) => ({ value: t.id, label: t.name }))} value={sources} onChange={setSources} searchable />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                Cancel
              </Button>
              <Button
                color={dialog.kind === 'deleteCategory' ? 'red' : undefined}
                onClick={async () => {
                  if (dialog.kind === 'renameCategory') await done(await taxonomyApi.renameCategory(dialog.item.id, text), 'Category renamed.');
                  if (dialog.kind === 'renameTag') await done(await taxonomyApi.renameTag(dialog.item.id, text), 'Tag renamed.');
                  if (dialog.kind === 'deleteCategory') await done(await taxonomyApi.deleteCategory(dialog.item.id, choice ?? undefined), 'Category deleted.');
                  if (dialog.kind === 'mergeTags') await done(await taxonomyApi.mergeTags(sources, dialog.item.id), 'Tags merged.');
                }}
              >
                {dialog.kind === 'deleteCategory' ? 'Delete' : dialog.kind === 'mergeTags' ? 'Merge' : 'Save'}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
