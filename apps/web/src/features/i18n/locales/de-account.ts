// German strings of the password page, the password strength meter and the upload tray.
import type { Dictionary } from './en';

export const passwordDe: Dictionary['password'] = {
  title: 'Passwort ändern',
  generated:
    'Dieses Passwort wurde beim ersten Start des Servers erzeugt (er hat es einmal auf seiner Konsole ausgegeben). Wählen Sie Ihr eigenes, um fortzufahren.',
  setByAdmin:
    'Ihr Passwort wurde von einem Administrator gesetzt. Wählen Sie Ihr eigenes, um fortzufahren.',
  signsOut:
    'Wenn Sie Ihr Passwort ändern, werden Ihre anderen Sitzungen abgemeldet und Ihre persönlichen API-Tokens widerrufen; legen Sie danach in Ihrem Profil neue Tokens an.',
  current: 'Aktuelles Passwort',
  new: 'Neues Passwort',
  newHelp:
    'Mindestens {{min}} Zeichen; nicht Ihre E-Mail, kein gängiges Passwort, schwer zu erraten.',
  repeat: 'Neues Passwort wiederholen',
  differ: 'Die Passwörter stimmen nicht überein.',
  submit: 'Passwort ändern',
  strength: {
    levels: {
      '0': 'Sehr schwach',
      '1': 'Schwach',
      '2': 'Mittel',
      '3': 'Stark',
      '4': 'Sehr stark',
    },
    label: 'Passwortstärke: {{label}}',
    text: 'Stärke: {{label}}',
    notAccepted: ' – noch nicht akzeptiert',
  },
};

export const trayDe: Dictionary['tray'] = {
  files_one: '{{count}} Datei',
  files_other: '{{count}} Dateien',
  uploading: '{{files}} werden hochgeladen',
  paused: '{{files}} angehalten',
  failed: '{{files}} fehlgeschlagen',
  cancelled: 'Uploads abgebrochen',
  uploaded: '{{files}} hochgeladen',
  label: 'Uploads',
  open: 'Öffnen',
  overall: 'Gesamtfortschritt der Uploads',
  done: '{{done}} von {{total}} fertig · {{percent}}',
};
