// Runs a task one at a time however often it is asked for: a call while it runs asks for one more
// run after it (however many calls came meanwhile), and every caller's promise settles after the
// run that saw its request. For reloads and dispatch passes woken by bursts of notifications.
export function coalesced(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await task();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
