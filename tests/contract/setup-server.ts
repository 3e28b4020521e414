import { beforeEach } from 'vitest';
import { DEMO_TODAY } from '../../mocks/seed/build-seed';
import { setIdentity } from '../../src/api/client';
import { cstMidnightMs, pinClock } from '../../src/domain/clock';

// The server runs in this process, so the test's pinned clock is the server's injected clock.
beforeEach(() => {
  pinClock(cstMidnightMs(DEMO_TODAY) + 10 * 3_600_000);
  setIdentity('u-sup');
});
