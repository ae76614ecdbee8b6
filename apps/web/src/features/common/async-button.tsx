// A button for a slow action (test a connection, verify the audit chain): busy while the action
// runs, and a second click in the meantime does nothing.
import { Button, type ButtonProps } from '@mui/material';
import { useRef, useState } from 'react';

export function AsyncButton({
  onClick,
  disabled,
  ...props
}: Omit<ButtonProps, 'onClick' | 'loading'> & { onClick: () => Promise<unknown> }) {
  const [busy, setBusy] = useState(false);
  // State updates land after a re-render; a double click arrives before that.
  const running = useRef(false);
  return (
    <Button
      {...props}
      disabled={disabled}
      loading={busy}
      loadingPosition={props.startIcon ? 'start' : 'center'}
      aria-busy={busy}
      onClick={() => {
        if (running.current) return;
        running.current = true;
        setBusy(true);
        void onClick().finally(() => {
          running.current = false;
          setBusy(false);
        });
      }}
    />
  );
}
