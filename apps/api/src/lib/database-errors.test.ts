// Which database errors mean "unreachable right now" (503) rather than a bug (500); the shapes
// are the ones Prisma 7 with the pg driver adapter produced against a real server.
import { isDatabaseUnavailable } from './database-errors.js';

const prismaError = (code: string, driverCause: object) =>
  Object.assign(new Error('Invalid `db.user.count()` invocation'), {
    name: 'PrismaClientKnownRequestError',
    code,
    meta: {
      modelName: 'User',
      driverAdapterError: { name: 'DriverAdapterError', cause: driverCause },
    },
  });

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'connection refused',
      prismaError('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5999 }),
    ],
    [
      'connection cut by the server',
      prismaError('P2039', {
        kind: 'postgres',
        originalCode: '57P01',
        originalMessage: 'terminating connection due to administrator command',
      }),
    ],
    [
      'database not accepting connections',
      prismaError('P2039', {
        kind: 'postgres',
        originalCode: '55000',
        originalMessage: 'database "x" is not currently accepting connections',
      }),
    ],
    [
      'server starting up',
      prismaError('P2039', {
        kind: 'postgres',
        originalCode: '57P03',
        originalMessage: 'the database system is starting up',
      }),
    ],
    ['too many connections', prismaError('P2039', { kind: 'TooManyConnections' })],
    [
      'client failed to start',
      Object.assign(new Error("Can't reach database server"), {
        name: 'PrismaClientInitializationError',
      }),
    ],
    [
      'pg connection error',
      Object.assign(new Error('connection failure'), { severity: 'FATAL', code: '08006' }),
    ],
  ])('is true for %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', prismaError('P2002', { kind: 'UniqueConstraintViolation' })],
    [
      'another 55000 (object in use)',
      prismaError('P2039', {
        kind: 'postgres',
        originalCode: '55000',
        originalMessage: 'cannot drop table because other objects depend on it',
      }),
    ],
    [
      'a network error from S3',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9000'), { code: 'ECONNREFUSED' }),
    ],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('is false for %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
