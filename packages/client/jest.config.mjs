import { jestBase } from '../../jest.base.mjs';

/** @type {import('jest').Config} */
export default { ...jestBase, displayName: 'client' };
