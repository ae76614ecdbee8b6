// Audio previews play in the details panel straight from storage (a presigned GET on another
// origin), which the page's Content-Security-Policy must admit (media-src).
import { expect, test } from '@playwright/test';
import { localConnectionId, openFilesFolder, putObject } from './files-steps.js';

/** One second of a 440 Hz tone as 8 kHz 16-bit mono PCM WAV, which every Chromium build plays. */
function toneWav(): Buffer {
  const rate = 8000;
  const samples = Buffer.alloc(rate * 2);
  for (let i = 0; i < rate; i++)
    samples.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

test('an audio file plays in the details panel under the CSP', async ({ page, request }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  const folder = `e2e-media-${Date.now().toString(36)}/`;
  await putObject('uploads', `${folder}tone.wav`, toneWav(), 'audio/wav');
  await openFilesFolder(page, await localConnectionId(request), 'uploads', folder);
  await page
    .getByRole('table', { name: 'Folder contents' })
    .getByRole('button', { name: 'tone.wav', exact: true })
    .click();
  const audio = page.locator('audio[aria-label="tone.wav"]');
  await expect(audio).toBeVisible();
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration))
    .toBeCloseTo(1, 1);
  await audio.evaluate((element: HTMLAudioElement) => element.play());
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime))
    .toBeGreaterThan(0);
  expect(violations).toEqual([]);
});
