// English strings of the password page, the password strength meter and the upload tray.
export const passwordEn = {
  title: 'Change password',
  generated:
    'This password was generated when the server first started (it printed it once on its console). Choose your own to continue.',
  setByAdmin: 'Your password was set by an administrator. Choose your own to continue.',
  signsOut:
    'Changing your password signs out your other sessions and revokes your personal API tokens; create new tokens on your profile afterwards.',
  current: 'Current password',
  new: 'New password',
  newHelp: 'At least {{min}} characters; not your email, not a common password, hard to guess.',
  repeat: 'Repeat new password',
  differ: 'The passwords differ.',
  submit: 'Change password',
  strength: {
    levels: {
      '0': 'Very weak',
      '1': 'Weak',
      '2': 'Fair',
      '3': 'Strong',
      '4': 'Very strong',
    },
    label: 'Password strength: {{label}}',
    text: 'Strength: {{label}}',
    notAccepted: ' — not accepted yet',
  },
};

export const trayEn = {
  files_one: '{{count}} file',
  files_other: '{{count}} files',
  uploading: 'Uploading {{files}}',
  paused: '{{files}} paused',
  failed: '{{files}} failed',
  cancelled: 'Uploads cancelled',
  uploaded: '{{files}} uploaded',
  label: 'Uploads',
  open: 'Open',
  overall: 'Overall upload progress',
  done: '{{done}} of {{total}} done · {{percent}}',
};
