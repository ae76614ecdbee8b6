// The details panel's tags and user-metadata editors (issue 23): edits land on the object in
// storage (metadata copied in place with the content type kept), and a bad name is refused under
// its field before anything is sent.
import { GetObjectTaggingCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { expect, test } from '@playwright/test';
import { e2eS3, localConnectionId, openFilesFolder, putObject } from './files-steps.js';

const run = `e2e-props-${Date.now().toString(36)}`;

test('edits the tags and the user metadata of an object', async ({ page, request }) => {
  const key = `${run}/report.csv`;
  await putObject('uploads', key, 'a,b\n1,2\n', 'text/csv');
  await openFilesFolder(page, await localConnectionId(request), 'uploads', `${run}/`);
  await page
    .getByRole('table', { name: 'Folder contents' })
    .getByRole('button', { name: 'report.csv', exact: true })
    .click();

  await page.getByRole('button', { name: 'Edit tags' }).click();
  const tags = page.getByRole('form', { name: 'Edit tags' });
  await tags.getByRole('button', { name: 'Add' }).click();
  await tags.getByLabel('Name 1').fill('team');
  await tags.getByLabel('Value 1').fill('finance');
  await tags.getByLabel('Value 1').press('Enter');
  const tagsShown = page.getByRole('region', { name: 'Tags' });
  await expect(tagsShown).toContainText('team');
  await expect(tagsShown).toContainText('finance');
  const stored = await e2eS3.send(new GetObjectTaggingCommand({ Bucket: 'uploads', Key: key }));
  expect(stored.TagSet).toEqual([{ Key: 'team', Value: 'finance' }]);

  await page.getByRole('button', { name: 'Edit metadata' }).click();
  const metadata = page.getByRole('form', { name: 'Edit metadata' });
  await metadata.getByRole('button', { name: 'Add' }).click();
  await metadata.getByLabel('Name 1').fill('Owner');
  await metadata.getByLabel('Value 1').fill('Ada');
  await metadata.getByRole('button', { name: 'Save metadata' }).click();
  await expect(metadata.getByText('Lower-case letters, digits and dashes')).toBeVisible();
  await metadata.getByLabel('Name 1').fill('owner');
  await metadata.getByRole('button', { name: 'Save metadata' }).click();
  await expect(page.getByRole('region', { name: 'Metadata' })).toContainText('Ada');
  const head = await e2eS3.send(new HeadObjectCommand({ Bucket: 'uploads', Key: key }));
  expect(head.Metadata).toEqual({ owner: 'Ada' });
  expect(head.ContentType).toBe('text/csv');
});
