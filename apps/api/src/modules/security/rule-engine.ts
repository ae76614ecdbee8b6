// Runs the detection rules over newly observed events: a matching event is checked against its
// rule's window (aggregated in the database, so every instance's events count) and becomes a
// finding when above the threshold.
import type { Db } from '../../db/prisma.js';
import type { Finding } from './alerts.service.js';
import type { CountryLookup } from './detectors/country-lookup.js';
import { newCountrySignIn } from './detectors/geo-anomaly.js';
import { subjectOf, windowValue, type DetectionRule } from './detection-rules.js';
import { aggregateWindow, evidenceFor, type StoredEvent } from './security-events.repo.js';

export interface RuleFinding extends Finding {
  detectionRule: DetectionRule;
  /** Set by the geo detector: the country the user should be told about. */
  newCountry?: string;
}

export async function evaluateEvent(
  deps: {
    db: Db;
    countries: () => Promise<CountryLookup>;
    /** A windowed rule that just fired for this subject need not count again yet. */
    recentlyFired?: (rule: string, subject: string) => boolean;
  },
  rules: readonly DetectionRule[],
  event: StoredEvent,
): Promise<RuleFinding[]> {
  const findings: RuleFinding[] = [];
  for (const rule of rules) {
    if (!rule.matches(event)) continue;
    const subject = subjectOf(rule, event);
    if (!subject) continue;
    const label = rule.groupBy === 'ip' ? subject.value : (event.principal ?? subject.value);
    const base = {
      detectionRule: rule,
      rule: rule.name,
      severity: rule.severity,
      subjectType: rule.groupBy,
      subject: subject.value,
      at: event.at,
    };
    if (rule.special === 'geo') {
      const seen = await newCountrySignIn(deps.db, await deps.countries(), event);
      if (seen)
        findings.push({
          ...base,
          summary: `${rule.describe(label, 1)}: ${seen.country} (before: ${seen.known.join(', ')})`,
          evidence: await evidenceFor(deps.db, [event.id]),
          newCountry: seen.country,
        });
      continue;
    }
    if (rule.windows.length === 0) {
      findings.push({
        ...base,
        summary: rule.describe(label, 1),
        evidence: await evidenceFor(deps.db, [event.id]),
      });
      continue;
    }
    if (deps.recentlyFired?.(rule.name, subject.value)) continue;
    for (const window of rule.windows) {
      const aggregate = await aggregateWindow(deps.db, {
        kinds: window.kinds,
        subject,
        since: new Date(event.at.getTime() - window.seconds * 1000),
        until: event.at,
        ...(window.minBytes !== undefined ? { minBytes: window.minBytes } : {}),
        ...(window.status !== undefined ? { status: window.status } : {}),
      });
      const value = windowValue(window, aggregate);
      if (value <= window.threshold) continue;
      findings.push({
        ...base,
        summary: rule.describe(label, value),
        evidence: await evidenceFor(deps.db, aggregate.ids),
      });
      break;
    }
  }
  return findings;
}
