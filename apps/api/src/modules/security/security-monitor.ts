// The security monitor of one API instance: observes events, runs the rules, raises alerts, takes
// their actions (block an IP, disable a user), notifies, and keeps the defender's lists current.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/prisma.js';
import type { Keyring } from '../../lib/crypto-envelope.js';
import type { S3Network } from '../connections/s3-client.js';
import { subscribeAuditFeed } from '../audit/audit-feed.js';
import { raiseAlert, toAlertView } from './alerts.service.js';
import { securityEventFromAudit } from './audit-observer.js';
import { addDetectorBlock } from './blocks.service.js';
import { openCountryLookup } from './detectors/country-lookup.js';
import { detectionRules } from './detection-rules.js';
import { createIpDefender, type IpDefender } from './ip-defender.js';
import { attemptDelivery, enqueueDeliveries } from './notifications/notification-outbox.js';
import type { SenderDeps } from './notifications/notification-senders.js';
import { evaluateEvent, type RuleFinding } from './rule-engine.js';
import { createRulesCache, type RulesCache } from './security-rules.service.js';
import { createSecurityBus, type SecurityBus, type SecurityMessage } from './security-bus.js';
import { insertEvents, type ObservedEvent } from './security-events.repo.js';
import { deliverNotice, newCountryNotice, noticeForAudit } from './user-notices.service.js';

/** How long a windowed rule rests for a subject after firing (see `fired`). */
const REFIRE_PAUSE_MS = 5_000;

export interface SecurityMonitorDeps {
  db: Db;
  clock: () => Date;
  keyring: Keyring;
  s3Network: S3Network;
  publicUrl: string;
  smtpUrl?: string;
  smtpFrom: string;
  snsEndpoint?: string;
  /** Whether rules may block addresses (otherwise they only alert). */
  autoBlock: boolean;
  /** For LISTEN/NOTIFY; without it changes apply on this instance only. */
  databaseUrl?: string;
  log: FastifyBaseLogger;
}

export interface SecurityMonitor {
  defender: IpDefender;
  rules: RulesCache;
  bus: SecurityBus;
  senders: SenderDeps;
  /** Records and evaluates events; resolves when alerts and blocks are written. Never throws. */
  observe(events: readonly ObservedEvent[]): Promise<void>;
  /** The same, detached (tracked, so close() waits for it). */
  observeLater(events: readonly ObservedEvent[]): void;
  /** Runs detached work tracked by close() (deliveries, notices). */
  track(work: Promise<unknown>): void;
  /** Work in flight (tests wait on it instead of sleeping). */
  settled(): Promise<void>;
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function createSecurityMonitor(deps: SecurityMonitorDeps): SecurityMonitor {
  const { db, log } = deps;
  const bus = createSecurityBus({
    db,
    log,
    ...(deps.databaseUrl ? { databaseUrl: deps.databaseUrl } : {}),
  });
  const defender = createIpDefender({ db, clock: deps.clock, log });
  const rules = createRulesCache(db);
  const senders: SenderDeps = {
    db,
    keyring: deps.keyring,
    s3Network: deps.s3Network,
    publicUrl: deps.publicUrl,
    smtpFrom: deps.smtpFrom,
    clock: deps.clock,
    ...(deps.smtpUrl ? { smtpUrl: deps.smtpUrl } : {}),
    ...(deps.snsEndpoint ? { snsEndpoint: deps.snsEndpoint } : {}),
  };
  const inFlight = new Set<Promise<unknown>>();
  // During a storm each further failure would re-count the window and fold into the same alert;
  // a windowed rule that fired for a subject rests for a few seconds on this instance instead
  // (its events are still recorded, so every window stays exact).
  const fired = new Map<string, number>();
  const recentlyFired = (rule: string, subject: string) =>
    (fired.get(`${rule}|${subject}`) ?? 0) > deps.clock().getTime();
  const markFired = (rule: string, subject: string) => {
    if (fired.size > 10_000) fired.clear();
    fired.set(`${rule}|${subject}`, deps.clock().getTime() + REFIRE_PAUSE_MS);
  };
  const track = (work: Promise<unknown>) => {
    const guarded = work.catch((error: unknown) =>
      log.error({ err: error }, 'security monitor task failed'),
    );
    inFlight.add(guarded);
    void guarded.finally(() => inFlight.delete(guarded));
  };

  const unsubscribeBus = bus.subscribe((message: SecurityMessage) => {
    if (message.type === 'blocks' || message.type === 'resync') void defender.reload();
    if (message.type === 'rules' || message.type === 'resync') rules.invalidate();
  });

  const act = async (finding: RuleFinding, alertId: string) => {
    const rule = finding.detectionRule;
    const now = deps.clock();
    if (rule.action === 'alert_block_ip' && finding.subjectType === 'ip' && deps.autoBlock) {
      if (defender.isBlocked(finding.subject, now)) return;
      const block = await addDetectorBlock(db, {
        ip: finding.subject,
        rule: finding.rule,
        reason: finding.summary,
        alertId,
        now,
        minutes: rule.blockMinutes ?? 15,
      });
      defender.addLocal(block);
      await bus.publish({ type: 'blocks' });
    }
    if (rule.action === 'alert_disable_user' && finding.subjectType === 'user') {
      await db.user.updateMany({ where: { id: finding.subject }, data: { disabled: true } });
    }
  };

  const handleFinding = async (finding: RuleFinding, dedupMinutes: number) => {
    if (finding.detectionRule.windows.length > 0) markFired(finding.rule, finding.subject);
    const { alert, created } = await raiseAlert(db, finding, dedupMinutes);
    const ip = finding.evidence[0]?.ip ?? null;
    if (finding.newCountry && finding.subjectType === 'user')
      track(
        deliverNotice(
          senders,
          newCountryNotice(finding.subject, finding.newCountry, ip, finding.at),
        ),
      );
    await act(finding, alert.id);
    await bus.publish({ type: 'alert', id: alert.id });
    if (!created) return;
    const ids = await enqueueDeliveries(senders, toAlertView(alert));
    for (const id of ids) track(attemptDelivery(senders, id));
  };

  const observe = async (events: readonly ObservedEvent[]) => {
    try {
      const stored = await insertEvents(db, events);
      const settings = await rules.get();
      const active = detectionRules(settings);
      for (const event of stored) {
        const findings = await evaluateEvent(
          { db, countries: openCountryLookup, recentlyFired },
          active,
          event,
        );
        for (const finding of findings) await handleFinding(finding, settings.builtIn.dedupMinutes);
      }
    } catch (error) {
      log.error({ err: error }, 'security monitor could not evaluate events');
    }
  };

  const unsubscribeAudit = subscribeAuditFeed(db, (auditEvents) => {
    const events = auditEvents.flatMap((event) => {
      const observed = securityEventFromAudit(event);
      return observed ? [observed] : [];
    });
    if (events.length > 0) track(observe(events));
    for (const event of auditEvents) {
      const notice = noticeForAudit(event);
      if (notice) track(deliverNotice(senders, notice));
    }
  });

  return {
    defender,
    rules,
    bus,
    senders,
    observe,
    observeLater: (events) => track(observe(events)),
    track,
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    async ready() {
      await defender.reload();
      // The scanner check reads the rules without waiting; load them before the first request.
      await rules
        .get()
        .catch((error: unknown) => log.warn({ err: error }, 'cannot load security rules yet'));
    },
    async close() {
      unsubscribeAudit();
      unsubscribeBus();
      while (inFlight.size > 0) await Promise.all([...inFlight]);
      await bus.close();
    },
  };
}
