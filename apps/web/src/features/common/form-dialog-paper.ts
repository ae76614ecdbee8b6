// Dialog papers that are <form>s, so Enter in any field submits the dialog as people expect
// (and screen readers announce a form). The dialog's main button is then `type="submit"`.
// MUI types the paper's events as a div's, hence HTMLDivElement below.
import type { FormEvent } from 'react';

export function formDialogPaper(submit: () => void) {
  return {
    paper: {
      component: 'form' as const,
      // Our own checks and the API's field errors speak, not the browser's bubbles.
      noValidate: true,
      onSubmit: (event: FormEvent<HTMLDivElement>) => {
        event.preventDefault();
        submit();
      },
    },
  };
}
