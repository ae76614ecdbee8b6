// The period the Reports tab shows: two date inputs (local days) turned into the API's from/to.
export interface Period {
  from: string; // YYYY-MM-DD
  to: string; // YYYY-MM-DD, inclusive
}

const day = (date: Date) => {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
};

export function lastDays(days: number, now = new Date()): Period {
  return { from: day(new Date(now.getTime() - (days - 1) * 86_400_000)), to: day(now) };
}

/** The API's query: from the start of the first day to the end of the last (local time). */
export function periodQuery(period: Period): { from: string; to: string } {
  const from = new Date(`${period.from}T00:00:00`);
  const to = new Date(`${period.to}T00:00:00`);
  to.setDate(to.getDate() + 1);
  return { from: from.toISOString(), to: to.toISOString() };
}
