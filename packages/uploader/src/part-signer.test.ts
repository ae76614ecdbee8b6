import { type SignedParts } from '@s3am/contracts';
import { PartUrlSigner } from './part-signer.js';

function signerWith(options: { upcoming: number[]; ttlMs: number; batchSize?: number }) {
  let time = 1_000_000;
  const calls: number[][] = [];
  let release: (() => void) | undefined;
  let holdNext = false;
  const sign = async (partNumbers: number[]): Promise<SignedParts> => {
    calls.push(partNumbers);
    if (holdNext) await new Promise<void>((resolve) => (release = resolve));
    return {
      urls: partNumbers.map((partNumber) => ({
        partNumber,
        url: `u${partNumber}-${calls.length}`,
      })),
      headers: {},
      expiresAt: new Date(time + options.ttlMs).toISOString(),
    };
  };
  const signer = new PartUrlSigner({
    sign,
    upcoming: () => options.upcoming,
    batchSize: options.batchSize ?? 3,
    marginMs: 60_000,
    now: () => time,
  });
  return {
    signer,
    calls,
    advance: (ms: number) => (time += ms),
    hold: () => (holdNext = true),
    release: () => release?.(),
  };
}

describe('PartUrlSigner', () => {
  it('signs the asked part together with the next ones, up to the batch size', async () => {
    const { signer, calls } = signerWith({ upcoming: [2, 3, 4, 5], ttlMs: 900_000 });
    expect((await signer.get(1)).url).toBe('u1-1');
    expect((await signer.get(3)).url).toBe('u3-1');
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('shares one signing call between parts asked for at the same time', async () => {
    const { signer, calls, hold, release } = signerWith({ upcoming: [2, 3], ttlMs: 900_000 });
    hold();
    const first = signer.get(1);
    const second = signer.get(2);
    release();
    expect((await Promise.all([first, second])).map((signed) => signed.url)).toEqual([
      'u1-1',
      'u2-1',
    ]);
    expect(calls).toHaveLength(1);
  });

  it('signs again a URL that is about to expire, or that S3 said had expired', async () => {
    const { signer, calls, advance } = signerWith({ upcoming: [], ttlMs: 900_000 });
    await signer.get(1);
    advance(900_000 - 30_000); // inside the 60 s margin
    expect((await signer.get(1)).url).toBe('u1-2');
    signer.invalidate(1);
    expect((await signer.get(1)).url).toBe('u1-3');
    expect(calls).toEqual([[1], [1], [1]]);
  });

  it('uses a URL whose TTL is below the margin rather than signing forever', async () => {
    const { signer, calls } = signerWith({ upcoming: [], ttlMs: 10_000 });
    expect((await signer.get(1)).url).toBe('u1-1');
    expect(calls).toHaveLength(1);
  });

  it('uses URLs signed beforehand while they are fresh, then signs again', async () => {
    let time = 1_000_000;
    const calls: number[][] = [];
    const signer = new PartUrlSigner({
      sign: async (partNumbers) => {
        calls.push(partNumbers);
        return {
          urls: partNumbers.map((partNumber) => ({ partNumber, url: `fresh${partNumber}` })),
          headers: {},
          expiresAt: new Date(time + 300_000).toISOString(),
        };
      },
      upcoming: () => [],
      batchSize: 1,
      now: () => time,
      presigned: [{ partNumber: 1, url: 'batch1', headers: { a: 'b' }, expiresAt: time + 300_000 }],
    });
    expect(await signer.get(1)).toMatchObject({ url: 'batch1', headers: { a: 'b' } });
    expect(calls).toEqual([]);
    time += 250_000; // within the margin of its expiry
    expect((await signer.get(1)).url).toBe('fresh1');
  });
});
