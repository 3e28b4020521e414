import { setupServer } from 'msw/node';
import { handlers } from './handlers';

/** The mock API for vitest (Node). */
export const server = setupServer(...handlers);
