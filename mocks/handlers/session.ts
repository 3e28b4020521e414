import { nowIso } from '../../src/domain/clock';
import { api } from '../../src/domain/contract';
import { read } from '../http';

export const sessionHandlers = [
  read(api.session, ({ db, actor }) => ({
    person: actor,
    unit: db.data.units.find((u) => u.id === actor.unitId)!,
    role: actor.role,
    now: nowIso(),
    demo: true,
  })),
];
