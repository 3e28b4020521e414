import { api } from '../../src/domain/contract';
import { read } from '../http';

export const unitHandlers = [
  read(api.units, ({ db }) => db.data.units),
  read(api.people, ({ db }) => db.data.people),
];
