// Moving through the app with the Tab key only, as a keyboard user does.
import { expect, type Locator, type Page } from '@playwright/test';

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `limit` presses. */
export async function tabTo(
  page: Page,
  target: Locator,
  { backwards = false, limit = 40 }: { backwards?: boolean; limit?: number } = {},
): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    const focused = await target
      .evaluate((element) => element === document.activeElement)
      .catch(() => false);
    if (focused) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

/** The outline a focused element draws, e.g. "solid 3px". */
export async function focusOutline(target: Locator): Promise<string> {
  return target.evaluate((element) => {
    const style = getComputedStyle(element);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
}
