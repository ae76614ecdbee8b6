// German messages the Files page's helpers build (listing, folder uploads, zips, thumbnails).
import type { filesMessagesEn } from './en-files-messages';
import type { Strings } from './en';

export const filesMessagesDe: Strings<typeof filesMessagesEn> = {
  messages: {
    noAccessHere: 'Sie haben hier keinen Zugriff.',
    uploadingOne: '„{{name}}“ wird nach {{destination}} hochgeladen',
    uploadingMany: '{{count}} Dateien werden nach {{destination}} hochgeladen',
    couldNotQueue: 'Der Upload konnte nicht eingereiht werden: {{message}}',
    zipTooMany: 'Mehr als {{max}} Dateien: Laden Sie diesen Ordner in Teilen herunter.',
    storageRefused: 'Der Speicher hat {{key}} abgelehnt ({{status}}).',
    storageAnswered: 'Der Speicher antwortete {{status}}.',
  },
};
