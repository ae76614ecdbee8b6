// One file in the web queue: its engine task, the labels people read, and what its events leave
// behind (bytes found on resume, the latest message), read by the manager as an UploadItem.
import { type UploadTask, type UploadTaskState } from '@s3am/uploader';
import { i18n } from '../i18n/i18n';
import { uploadErrorMessage } from './upload-error-message';
import { type UploadItem } from './upload-store';

export interface Entry {
  id: string;
  task: UploadTask;
  labels: { name: string; where: string; size: number };
  resumedBytes: number;
  message: string | null;
  /** Stops listening to the task. */
  detach: () => void;
}

export interface EntryHooks {
  /** The file's row changed (`now`: show it promptly). */
  changed: (now?: boolean) => void;
  /** Something people should read above the queue. */
  notify: (notice: string) => void;
  stateChanged: (state: UploadTaskState, previous: UploadTaskState) => void;
}

export function createEntry(
  id: string,
  task: UploadTask,
  labels: Entry['labels'],
  hooks: EntryHooks,
): Entry {
  const entry: Entry = {
    id,
    task,
    labels,
    resumedBytes: 0,
    message: null,
    detach: () => undefined,
  };
  const offs = [
    task.on('progress', () => hooks.changed()),
    task.on('part', ({ fromServer, size }) => {
      if (fromServer) entry.resumedBytes += size;
    }),
    task.on('retry', ({ message, offline }) => {
      entry.message = offline
        ? i18n.t('uploads.messages.offline')
        : i18n.t('uploads.messages.retrying', { message });
      hooks.changed();
    }),
    task.on('check', ({ checkedBytes, totalBytes }) => {
      const percent = totalBytes > 0 ? Math.floor((checkedBytes / totalBytes) * 100) : 100;
      entry.message = i18n.t('uploads.messages.checking', { percent });
      hooks.changed();
    }),
    task.on('discarded', () =>
      hooks.notify(
        i18n.t('uploads.messages.discarded', { name: labels.name, where: labels.where }),
      ),
    ),
    task.on('error', ({ error }) => {
      entry.message = uploadErrorMessage(error, labels.where);
      hooks.changed(true);
    }),
    task.on('state', ({ state, previous }) => {
      if (state === 'preparing') entry.resumedBytes = 0;
      if (state === 'uploading' || state === 'completed') entry.message = null;
      hooks.stateChanged(state, previous);
    }),
  ];
  entry.detach = () => offs.forEach((off) => off());
  return entry;
}

/** The row people see for the entry, built from the task's current state. */
export function itemOf(entry: Entry): UploadItem {
  const { task } = entry;
  return {
    id: entry.id,
    ...entry.labels,
    state: task.state,
    progress: task.snapshot(),
    resumedBytes: entry.resumedBytes,
    message: entry.message,
    key: task.upload?.key ?? null,
  };
}
