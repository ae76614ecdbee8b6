// Hash-chain arithmetic: canonical JSON, chaining, and detection of edits, deletions and reorders.
import {
  auditHash,
  canonicalJson,
  findChainBreak,
  type ChainRow,
  type ChainedFields,
} from './audit-chain.js';

function event(action: string, details: Record<string, unknown> = {}): ChainedFields {
  return {
    at: new Date('2026-11-23T10:00:00.123Z'),
    actorId: null,
    actorEmail: 'alice@example.test',
    action,
    targetType: null,
    targetId: null,
    outcome: 'success',
    ip: '127.0.0.1',
    userAgent: null,
    requestId: 'req-1',
    details,
  };
}

function chain(...events: ChainedFields[]): ChainRow[] {
  const rows: ChainRow[] = [];
  let prevHash: string | null = null;
  events.forEach((e, index) => {
    const hash = auditHash(prevHash, e);
    rows.push({ ...e, seq: BigInt(index + 1), prevHash, hash });
    prevHash = hash;
  });
  return rows;
}

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined values', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('auditHash', () => {
  it('is a SHA-256 hex digest that depends on key order not at all, and on every field and the previous hash', () => {
    const base = auditHash(null, event('auth.login', { a: 1, b: 2 }));
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(null, event('auth.login', { b: 2, a: 1 }))).toBe(base);
    expect(auditHash(null, event('auth.logout', { a: 1, b: 2 }))).not.toBe(base);
    expect(auditHash('0'.repeat(64), event('auth.login', { a: 1, b: 2 }))).not.toBe(base);
    expect(
      auditHash(null, {
        ...event('auth.login', { a: 1, b: 2 }),
        at: new Date('2026-11-23T10:00:00.124Z'),
      }),
    ).not.toBe(base);
  });
});

describe('findChainBreak', () => {
  const rows = chain(event('one'), event('two'), event('three'));

  it('accepts an intact chain', () => {
    expect(findChainBreak(rows, null)).toBeUndefined();
  });

  it('reports an edited field at the edited row', () => {
    const edited = rows.map((row) =>
      row.seq === 2n ? { ...row, actorEmail: 'mallory@example.test' } : row,
    );
    expect(findChainBreak(edited, null)).toEqual({ seq: 2n, reason: 'hash_mismatch' });
  });

  it('reports a deleted row at the row after it', () => {
    expect(findChainBreak([rows[0]!, rows[2]!], null)).toEqual({
      seq: 3n,
      reason: 'prev_hash_mismatch',
    });
  });

  it('reports a row whose hash was recomputed after an edit at the next row', () => {
    const forged = { ...rows[1]!, action: 'forged' };
    forged.hash = auditHash(forged.prevHash, forged);
    expect(findChainBreak([rows[0]!, forged, rows[2]!], null)).toEqual({
      seq: 3n,
      reason: 'prev_hash_mismatch',
    });
  });
});
